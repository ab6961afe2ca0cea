import { useState } from 'react';
import { Button, Form, Input, InputNumber, Radio, Space, Switch, App as AntApp } from 'antd';
import { api, ApiError } from '../../shell/api';
import { buildActionBody, initialValues, validateAction, visibleFields, type ActionField, type ActionSpec } from './actions';
import { useApp } from '../../shell/context';
import type { MessageKey } from '../../shell/i18n';
import { SATISFACTIONS, type Ticket } from '../../shell/types';
import { UnitSelect, UnitsSelect } from '../../shell/components/pickers';
import { AttachmentUpload } from './AttachmentUpload';
import { ErrorAlert } from '../../shell/components/common';
import { describeError } from '../../shell/errors';

/** The form of one ticket action; validates like the API and shows the API's message next to its field. */
export function ActionForm({
  ticket,
  spec,
  onDone,
  onCancel,
}: {
  ticket: Ticket;
  spec: ActionSpec;
  onDone: (t: Ticket) => void;
  onCancel?: () => void;
}) {
  const { t, tv, lang } = useApp();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Record<string, unknown>>();
  const values = Form.useWatch([], form) ?? initialValues(spec);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async () => {
    const v = { ...initialValues(spec), ...form.getFieldsValue(true) } as Record<string, unknown>;
    const problems = validateAction(spec, v);
    if (problems.length) {
      form.setFields(
        problems.map((p) => ({
          name: p.field,
          errors: [t('field.required', { field: t(`form.${p.field}` as MessageKey) })],
        })),
      );
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const updated = await api.act(ticket.id, buildActionBody(spec, v, ticket.version));
      message.success(`${t(spec.label)} · ${t('detail.done')}`);
      form.resetFields();
      onDone(updated);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'TICKET.VERSION_CONFLICT') {
        message.warning(t('app.orderChanged'));
        const fresh = await api.ticket(ticket.id).catch(() => null);
        if (fresh) onDone(fresh);
      } else if (e instanceof ApiError && e.field && spec.fields.some((f) => f.name === e.field)) {
        form.setFields([{ name: e.field, errors: [describeError(lang, e).inline] }]);
      } else setError(e);
    } finally {
      setBusy(false);
    }
  };

  const input = (f: ActionField) => {
    switch (f.kind) {
      case 'textarea':
        return <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={4000} />;
      case 'text':
        return <Input />;
      case 'unit':
        return <UnitSelect />;
      case 'units':
        return <UnitsSelect />;
      case 'hours':
        return <InputNumber min={1} max={720} precision={0} style={{ width: 140 }} />;
      case 'boolean':
        return <Switch checkedChildren={t('app.yes')} unCheckedChildren={t('app.no')} />;
      case 'satisfaction':
        return (
          <Radio.Group optionType="button" buttonStyle="solid">
            {SATISFACTIONS.map((s) => (
              <Radio.Button key={s} value={s}>
                <span data-testid={`satisfaction-${s}`}>{tv('satisfaction', s)}</span>
              </Radio.Button>
            ))}
          </Radio.Group>
        );
      case 'attachments':
        return <AttachmentUpload />;
    }
  };

  return (
    <Form form={form} layout="vertical" initialValues={initialValues(spec)} data-testid={`action-form-${spec.action}`} onFinish={submit}>
      {error ? <ErrorAlert error={error} /> : null}
      {visibleFields(spec, values).map((f) => (
        <Form.Item
          key={f.name}
          name={f.name}
          label={t(f.label)}
          required={f.required}
          valuePropName={f.kind === 'boolean' ? 'checked' : 'value'}
        >
          {input(f)}
        </Form.Item>
      ))}
      <Space>
        <Button
          type={spec.danger ? 'default' : 'primary'}
          danger={spec.danger}
          htmlType="submit"
          loading={busy}
          data-testid={`submit-${spec.action}`}
        >
          {t(spec.label)}
        </Button>
        {onCancel && <Button onClick={onCancel}>{t('app.cancel')}</Button>}
      </Space>
    </Form>
  );
}
