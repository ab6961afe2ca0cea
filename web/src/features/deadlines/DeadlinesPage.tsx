// 时限与日历: the working calendar of a year (national holidays, make-up workdays, the city's local days), the
// deadline rules per urgency, warning thresholds, office hours and supervision, the settings history, and
// emergency response (一级响应). The admin edits; supervisors and leaders read.
import { useEffect, useMemo, useState, type CSSProperties, type HTMLAttributes, type ReactNode } from 'react';
import {
  Affix,
  Alert,
  App as AntApp,
  AutoComplete,
  Button,
  Card,
  Col,
  Form,
  Input,
  InputNumber,
  Modal,
  Popover,
  Row,
  Select,
  Space,
  Switch,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { LeftOutlined, MinusCircleOutlined, PlusOutlined, RightOutlined } from '@ant-design/icons';
import { api, ApiError } from '../../shell/api';
import { useApp } from '../../shell/context';
import {
  applyDraft,
  countDays,
  dayLabel,
  deadlinesFormValues,
  deadlinesPatch,
  defaultRules,
  draftOf,
  EMERGENCY_TAGS,
  formatDay,
  formatDayRanges,
  formatPeriods,
  LIMIT_UNITS,
  LOCAL_NAME_MAX,
  monthHolidays,
  monthName,
  monthWeeks,
  overridesBody,
  pendingChanges,
  ruleErrorTarget,
  setName,
  setOverride,
  specificRules,
  versionChanges,
  WEEKDAYS_EN,
  WEEKDAYS_ZH,
  workingMinutes,
  yearFromSearch,
  yearOptions,
  type DayLabel,
  type DeadlinesFormValues,
  type EmergencyState,
  type LocalDay,
  type LocalOverride,
  type OverrideDraft,
  type PendingChange,
  type ShownDay,
  type DeadlineLimit,
  type DeadlineRule,
  type DeadlineSettings,
  type VersionChange,
} from './deadlines';
import { describeError } from '../../shell/errors';
import { formatDateTime } from '../../shell/format';
import type { Lang, MessageKey } from '../../shell/i18n';
import { toPercent } from '../intake/intake';
import { navigate, useLocation } from '../../shell/router';
import { unitName } from '../../shell/tree';
import { applyFieldError, ErrorAlert, PageHeader, PageState, useAsync } from '../../shell/components/common';
import { useWho } from '../../shell/components/who';

type T = (key: MessageKey, vars?: Record<string, string | number>) => string;
type Tab = 'calendar' | 'rules' | 'versions';
const TABS: readonly Tab[] = ['calendar', 'rules', 'versions'];

/** "4 工作小时" / "1 working day". */
function formatLimit(limit: DeadlineLimit, t: T): string {
  return `${limit.amount} ${t(`limitUnit.${limit.unit}${limit.amount === 1 ? '.one' : ''}` as MessageKey)}`;
}

const pct = (f: number) => `${toPercent(f)}%`;

// ---------------------------------------------------------------------------------------------------------
// Day cells

const DAY_STYLE: Record<DayLabel, { background: string; color: string; border: string }> = {
  workday: { background: '#ffffff', color: 'rgba(0,0,0,0.88)', border: '#f0f0f0' },
  rest: { background: '#f5f5f5', color: 'rgba(0,0,0,0.45)', border: '#f0f0f0' },
  holiday: { background: '#fff1f0', color: '#cf1322', border: '#ffccc7' },
  makeup_workday: { background: '#fff7e6', color: '#d46b08', border: '#ffd591' },
  localHoliday: { background: '#f9f0ff', color: '#722ed1', border: '#d3adf7' },
  localWorkday: { background: '#e6f4ff', color: '#0958d9', border: '#91caff' },
};

function markOf(label: DayLabel, lang: Lang): string {
  const zh: Record<DayLabel, string> = { workday: '', rest: '休', holiday: '假', makeup_workday: '班', localHoliday: '假', localWorkday: '班' };
  const en: Record<DayLabel, string> = { workday: '', rest: 'off', holiday: 'hol', makeup_workday: 'work', localHoliday: 'hol', localWorkday: 'work' };
  return (lang === 'zh' ? zh : en)[label];
}

function cornerOf(local: boolean, pending: boolean, lang: Lang): string {
  return `${local ? (lang === 'zh' ? '本' : 'L') : ''}${pending ? '*' : ''}`;
}

function DaySwatch({ label, pending, today, selected, children, lang }: { label: DayLabel; pending?: boolean; today?: boolean; selected?: boolean; children?: ReactNode; lang: Lang }) {
  const s = DAY_STYLE[label];
  const local = label === 'localHoliday' || label === 'localWorkday';
  const style: CSSProperties = {
    position: 'relative',
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    justifyContent: 'center',
    width: '100%',
    minWidth: 0,
    height: 40,
    padding: 0,
    background: s.background,
    color: s.color,
    border: `1px ${pending ? 'dashed' : 'solid'} ${pending ? '#fa8c16' : s.border}`,
    outline: selected ? '2px solid #1668dc' : today ? '2px solid #52c41a' : undefined,
    outlineOffset: -2,
    borderRadius: 4,
    lineHeight: 1.1,
    fontSize: 13,
  };
  const corner = cornerOf(local, Boolean(pending), lang);
  return (
    <span style={style}>
      {children}
      <span style={{ fontSize: 10, minHeight: 11 }}>{markOf(label, lang)}</span>
      {corner && <span style={{ position: 'absolute', top: 1, right: 2, fontSize: 9, fontWeight: 600 }}>{corner}</span>}
    </span>
  );
}

const LEGEND: DayLabel[] = ['workday', 'rest', 'holiday', 'makeup_workday', 'localHoliday', 'localWorkday'];

function LegendItem({ label, pending, today, children }: { label: DayLabel; pending?: boolean; today?: boolean; children: ReactNode }) {
  const { lang } = useApp();
  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: 6 }}>
      <span style={{ width: 30 }}>
        <DaySwatch label={label} pending={pending} today={today} lang={lang}>
          8
        </DaySwatch>
      </span>
      {children}
    </span>
  );
}

function Legend() {
  const { t } = useApp();
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: '6px 14px', alignItems: 'center', fontSize: 12 }} data-testid="calendar-legend">
      {LEGEND.map((l) => (
        <LegendItem key={l} label={l}>
          {t(`cal.kind.${l}` as MessageKey)}
        </LegendItem>
      ))}
      <LegendItem label="localHoliday" pending>
        {t('cal.legend.pending')}
      </LegendItem>
      <LegendItem label="workday" today>
        {t('cal.legend.today')}
      </LegendItem>
    </div>
  );
}

function dayDescription(d: ShownDay, t: T, lang: Lang): string {
  const parts = [formatDay(d.date, d.weekday, lang), t(`cal.kind.${dayLabel(d.kind, d.source)}` as MessageKey)];
  const name = lang === 'zh' ? d.name : d.nameEn;
  if (name) parts.push(name);
  if (d.pending) parts.push(t('cal.unsaved'));
  return parts.join(' · ');
}

function DayPanel({
  day,
  saved,
  canEdit,
  onSet,
  onName,
  onClose,
}: {
  day: ShownDay;
  saved: LocalDay | null;
  canEdit: boolean;
  /** Sets the day's override (null: removes it) with the name typed (blank: none). */
  onSet: (o: LocalOverride | null, name: string | null) => void;
  /** Renames a day that has an override, as the admin types. */
  onName: (name: string) => void;
  onClose: () => void;
}) {
  const { t, lang } = useApp();
  const label = dayLabel(day.kind, day.source);
  const base = dayLabel(day.baseKind, day.baseSource);
  const name = lang === 'zh' ? day.name : day.nameEn;
  const [typed, setTyped] = useState(day.localName ?? '');
  return (
    <div style={{ maxWidth: 270 }} data-testid="day-panel" data-date={day.date}>
      <Typography.Text strong>{formatDay(day.date, day.weekday, lang)}</Typography.Text>
      <div style={{ margin: '6px 0' }}>
        <Tag color={DAY_STYLE[label].color} data-testid="day-panel-kind">
          {t(`cal.kind.${label}` as MessageKey)}
        </Tag>
        {name && <span>{name}</span>}
      </div>
      <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.55)' }}>
        {t(`cal.source.${day.source}` as MessageKey)}
        {day.override && <div>{t('cal.withoutOverride', { kind: t(`cal.kind.${base}` as MessageKey) })}</div>}
        {day.pending && <div style={{ color: '#d46b08' }}>{t('cal.pendingHint')}</div>}
      </div>
      {canEdit && (
        <>
          <Input
            size="small"
            style={{ marginTop: 8 }}
            value={typed}
            maxLength={LOCAL_NAME_MAX}
            placeholder={t('cal.namePlaceholder')}
            aria-label={t('cal.name')}
            onChange={(e) => {
              setTyped(e.target.value);
              if (day.override) onName(e.target.value);
            }}
            onPressEnter={day.override ? onClose : undefined}
            data-testid="day-name"
          />
          <Space wrap size={6} style={{ marginTop: 8 }}>
            <Button size="small" disabled={!day.workday} onClick={() => onSet('holiday', typed)} data-testid="day-set-holiday">
              {t('cal.setHoliday')}
            </Button>
            <Button size="small" disabled={day.workday} onClick={() => onSet('workday', typed)} data-testid="day-set-workday">
              {t('cal.setWorkday')}
            </Button>
            {day.override && (
              <Button size="small" onClick={() => onSet(null, null)} data-testid="day-clear">
                {t('cal.clearOverride')}
              </Button>
            )}
            {day.pending && (
              <Button size="small" type="link" onClick={() => onSet(saved?.override ?? null, saved?.name ?? null)} data-testid="day-undo">
                {t('cal.undo')}
              </Button>
            )}
          </Space>
        </>
      )}
      <div style={{ textAlign: 'right', marginTop: 6 }}>
        <Button size="small" type="text" onClick={onClose} data-testid="day-panel-close">
          {t('app.close')}
        </Button>
      </div>
    </div>
  );
}

function MonthGrid({
  month,
  days,
  today,
  selected,
  onSelect,
  panel,
}: {
  month: number;
  days: ShownDay[];
  today: string;
  selected: string | null;
  onSelect: (date: string | null) => void;
  panel: (d: ShownDay) => ReactNode;
}) {
  const { t, lang } = useApp();
  const weeks = monthWeeks(days, month);
  const holidays = monthHolidays(days, month);
  const heads = lang === 'zh' ? [...WEEKDAYS_ZH.slice(1), WEEKDAYS_ZH[0]] : [...WEEKDAYS_EN.slice(1), WEEKDAYS_EN[0]].map((w) => w.slice(0, 2));
  const grid: CSSProperties = { display: 'grid', gridTemplateColumns: 'repeat(7, minmax(0, 1fr))', gap: 2 };
  return (
    <Card size="small" title={monthName(month, lang)} data-testid="calendar-month" data-month={month} styles={{ body: { padding: 8 } }}>
      <div style={{ ...grid, marginBottom: 2 }}>
        {heads.map((h, i) => (
          <div key={h} style={{ textAlign: 'center', fontSize: 12, color: i >= 5 ? 'rgba(0,0,0,0.45)' : 'rgba(0,0,0,0.65)' }}>
            {h}
          </div>
        ))}
      </div>
      <div style={grid} role="grid">
        {weeks.flat().map((d, i) => {
          if (!d) return <div key={`blank-${i}`} />;
          const label = dayLabel(d.kind, d.source);
          const cell = (
            <button
              key={d.date}
              type="button"
              onClick={() => onSelect(selected === d.date ? null : d.date)}
              title={dayDescription(d, t, lang)}
              aria-label={dayDescription(d, t, lang)}
              data-testid="calendar-day"
              data-date={d.date}
              data-kind={d.kind}
              data-source={d.source}
              data-pending={String(d.pending)}
              style={{ padding: 0, border: 'none', background: 'none', cursor: 'pointer', minWidth: 0, font: 'inherit' }}
            >
              <DaySwatch label={label} pending={d.pending} today={d.date === today} selected={d.date === selected} lang={lang}>
                {Number(d.date.slice(8, 10))}
              </DaySwatch>
            </button>
          );
          return d.date === selected ? (
            <Popover key={d.date} open content={panel(d)} onOpenChange={(o) => !o && onSelect(null)} trigger="click" placement="bottom">
              {cell}
            </Popover>
          ) : (
            cell
          );
        })}
      </div>
      {holidays.length > 0 && (
        <div style={{ marginTop: 6, fontSize: 12, lineHeight: 1.6 }} data-testid="month-holidays">
          {holidays.map((h) => (
            <div key={`${h.local ? 'local' : 'national'}-${h.name}`} data-testid="month-holiday" data-local={String(h.local)}>
              <span style={{ color: (h.local ? DAY_STYLE.localHoliday : DAY_STYLE.holiday).color }}>{lang === 'zh' ? h.name : h.nameEn}</span>
              {h.off.length > 0 && ` ${t('cal.off', { days: formatDayRanges(h.off, lang) })}`}
              {h.work.length > 0 && ` ${t('cal.work', { days: formatDayRanges(h.work.map((n) => [n, n] as [number, number]), lang) })}`}
            </div>
          ))}
        </div>
      )}
    </Card>
  );
}

// ---------------------------------------------------------------------------------------------------------
// The calendar tab

function changeText(c: PendingChange, t: T): string {
  if (c.to === null) return t('cal.change.clear', { kind: t(c.from === 'holiday' ? 'cal.kind.localHoliday' : 'cal.kind.localWorkday') });
  const name = c.toName === c.fromName ? '' : c.toName ? t('cal.change.name', { name: c.toName }) : t('cal.change.noName');
  if (c.to === c.from) return name;
  return `${t(c.to === 'holiday' ? 'cal.change.holiday' : 'cal.change.workday')}${name && t('cal.change.sep')}${name}`;
}

function SaveCalendarModal({
  open,
  changes,
  draft,
  onClose,
  onSaved,
}: {
  open: boolean;
  changes: PendingChange[];
  draft: OverrideDraft;
  onClose: () => void;
  onSaved: (s: DeadlineSettings) => void;
}) {
  const { t, lang } = useApp();
  const [form] = Form.useForm<{ note: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const save = async () => {
    const { note } = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      onSaved(await api.updateSla({ calendarOverrides: overridesBody(draft), note: note.trim() }));
      form.resetFields();
    } catch (e) {
      if (!applyFieldError(e, form, ['note'], lang)) setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={open}
      title={t('cal.saveTitle', { n: changes.length })}
      onCancel={onClose}
      onOk={() => void save().catch(() => undefined)}
      okText={t('cal.save')}
      cancelText={t('app.cancel')}
      confirmLoading={busy}
      okButtonProps={{ ...({ 'data-testid': 'calendar-save-confirm' } as object) }}
      destroyOnHidden
    >
      <ErrorAlert error={error} testId="calendar-save-error" />
      <ul style={{ paddingLeft: 18, maxHeight: 240, overflow: 'auto' }} data-testid="calendar-pending-list">
        {changes.map((c) => (
          <li key={c.date}>
            <Typography.Text code>{c.date}</Typography.Text> {changeText(c, t)}
          </li>
        ))}
      </ul>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('cal.saveHelp')}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" requiredMark={false}>
        <Form.Item name="note" label={t('deadlines.note')} rules={[{ required: true, whitespace: true, message: t('deadlines.noteRequired') }]}>
          <Input.TextArea rows={2} maxLength={500} placeholder={t('cal.notePlaceholder')} data-testid="calendar-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function CalendarTab({ settings, canEdit, onSaved, tick }: { settings: DeadlineSettings; canEdit: boolean; onSaved: (s: DeadlineSettings) => void; tick: number }) {
  const { t } = useApp();
  const { message } = AntApp.useApp();
  const { search } = useLocation();
  const requested = yearFromSearch(search);
  const cal = useAsync((signal) => api.workingCalendar(requested, signal), [requested, tick]);
  const data = cal.data;
  const year = requested ?? data?.year ?? null;
  const saved = useMemo(() => draftOf(settings.calendarOverrides), [settings]);
  const [draft, setDraft] = useState<OverrideDraft>(saved);
  useEffect(() => setDraft(saved), [saved]);
  const changes = useMemo(() => pendingChanges(settings.calendarOverrides, draft), [settings, draft]);
  const [selected, setSelected] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const days = useMemo(() => (data ? applyDraft(data.days, draft) : []), [data, draft]);
  const counts = useMemo(() => countDays(days), [days]);
  const todayYear = data ? Number(data.today.slice(0, 4)) : null;
  const options = data && todayYear ? yearOptions(data.statutoryYears, todayYear) : [];

  const goYear = (y: number) => {
    setSelected(null);
    const q = new URLSearchParams(search);
    q.set('year', String(y));
    navigate(`/deadlines?${q.toString()}`);
  };
  const set = (date: string, o: LocalOverride | null, name: string | null) => {
    setDraft((d) => setOverride(d, date, o, name));
    setSelected(null);
  };

  const nextMissing = data && todayYear !== null && data.year === todayYear && !data.statutoryYears.includes(todayYear + 1) ? todayYear + 1 : null;

  return (
    <div data-testid="calendar-tab" data-year={data?.year}>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center', marginBottom: 12 }}>
        <Button icon={<LeftOutlined />} disabled={year === null || year <= 2004} onClick={() => year && goYear(year - 1)} aria-label={t('cal.prevYear')} data-testid="year-prev" />
        <Select<number>
          value={year ?? undefined}
          style={{ width: 110 }}
          onChange={goYear}
          options={options.map((y) => ({ value: y, label: t('cal.yearLabel', { year: y }) }))}
          data-testid="year-select"
        />
        <Button icon={<RightOutlined />} disabled={year === null || year >= 2100} onClick={() => year && goYear(year + 1)} aria-label={t('cal.nextYear')} data-testid="year-next" />
        {data && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="calendar-counts">
            {t('cal.counts', { working: counts.working, holiday: counts.holiday, makeup: counts.makeup_workday, local: counts.local })}
          </Typography.Text>
        )}
      </div>
      <PageState loading={cal.loading && !data} error={cal.error} onRetry={cal.reload}>
        {data && (
          <>
            {!data.covered && (
              <Alert
                type="warning"
                showIcon
                style={{ marginBottom: 12 }}
                data-testid="calendar-coverage-warning"
                title={t('cal.notCovered', { year: data.year })}
                description={t(canEdit ? 'cal.notCoveredHelp' : 'cal.notCoveredHelpRead', { year: data.year })}
              />
            )}
            {nextMissing !== null && (
              <Alert
                type="info"
                showIcon
                style={{ marginBottom: 12 }}
                data-testid="calendar-next-year-missing"
                title={t('cal.nextMissing', { year: nextMissing })}
                action={
                  <Button size="small" onClick={() => goYear(nextMissing)}>
                    {t('cal.viewYear', { year: nextMissing })}
                  </Button>
                }
              />
            )}
            <Legend />
            <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '8px 0 12px' }}>
              {t(canEdit ? 'cal.help' : 'cal.helpRead')}
            </Typography.Paragraph>
            <Row gutter={[12, 12]}>
              {Array.from({ length: 12 }, (_, i) => i + 1).map((m) => (
                <Col key={m} xs={24} sm={12} lg={8} xxl={6}>
                  <MonthGrid
                    month={m}
                    days={days}
                    today={data.today}
                    selected={selected}
                    onSelect={setSelected}
                    panel={(d) => (
                      <DayPanel
                        key={d.date}
                        day={d}
                        saved={saved.get(d.date) ?? null}
                        canEdit={canEdit}
                        onSet={(o, name) => set(d.date, o, name)}
                        onName={(name) => setDraft((dr) => setName(dr, d.date, name))}
                        onClose={() => setSelected(null)}
                      />
                    )}
                  />
                </Col>
              ))}
            </Row>
          </>
        )}
      </PageState>
      {canEdit && changes.length > 0 && (
        <Affix offsetBottom={8}>
          <div
            style={{ marginTop: 12, padding: '8px 12px', background: '#fffbe6', border: '1px solid #ffe58f', borderRadius: 6, display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center', justifyContent: 'space-between' }}
            data-testid="calendar-pending"
            data-count={changes.length}
          >
            <span>{t('cal.pending', { n: changes.length })}</span>
            <Space size={8}>
              <Button size="small" onClick={() => setDraft(saved)} data-testid="calendar-discard">
                {t('cal.discard')}
              </Button>
              <Button size="small" type="primary" onClick={() => setSaving(true)} data-testid="calendar-save">
                {t('cal.saveChanges')}
              </Button>
            </Space>
          </div>
        </Affix>
      )}
      <SaveCalendarModal
        open={saving}
        changes={changes}
        draft={draft}
        onClose={() => setSaving(false)}
        onSaved={(s) => {
          setSaving(false);
          message.success(t('deadlines.savedVersion', { version: s.version }));
          onSaved(s);
        }}
      />
    </div>
  );
}

// ---------------------------------------------------------------------------------------------------------
// The rules tab

interface RulesFormValues extends DeadlinesFormValues {
  note: string;
}

// API field → the rules form's input, for refusals that name one (a rule's limit and the office hours are shown apart).
const RULES_FORM_FIELDS: Record<string, keyof RulesFormValues> = {
  thresholds: 'orangePercent',
  'supervision.escalateAfterMinutes': 'escalateAfterMinutes',
  'supervision.maxEscalations': 'maxEscalations',
  note: 'note',
};

function LimitInput({ name, disabled }: { name: (string | number)[]; disabled: boolean }) {
  const { t } = useApp();
  return (
    <Space.Compact style={{ width: 210 }}>
      <Form.Item name={[...name, 'amount']} noStyle rules={[{ required: true, message: t('deadlines.amountRequired') }]}>
        <InputNumber min={0} max={8784} step={1} style={{ width: 90 }} disabled={disabled} data-testid={`limit-${name.join('-')}-amount`} />
      </Form.Item>
      <Form.Item name={[...name, 'unit']} noStyle>
        <Select
          style={{ width: 120 }}
          disabled={disabled}
          options={LIMIT_UNITS.map((u) => ({ value: u, label: t(`limitUnit.${u}` as MessageKey) }))}
          data-testid={`limit-${name.join('-')}-unit`}
        />
      </Form.Item>
    </Space.Compact>
  );
}

function RulesTab({ settings, canEdit, onSaved }: { settings: DeadlineSettings; canEdit: boolean; onSaved: (s: DeadlineSettings) => void }) {
  const { t, lang, tv, categories, units } = useApp();
  const { message } = AntApp.useApp();
  const who = useWho();
  const [form] = Form.useForm<RulesFormValues>();
  const initial = useMemo<RulesFormValues>(() => ({ ...deadlinesFormValues(settings), note: '' }), [settings]);
  useEffect(() => form.setFieldsValue(initial), [initial, form]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [hoursError, setHoursError] = useState<string | null>(null);
  const [ruleErrors, setRuleErrors] = useState<Record<string, string>>({});
  const periods = Form.useWatch('periods', form) as DeadlinesFormValues['periods'] | undefined;
  const minutes = workingMinutes(periods ?? initial.periods);
  const hoursPerDay = minutes === null ? null : Math.round((minutes / 60) * 100) / 100;
  const defaults = defaultRules(settings.rules);
  const specific = specificRules(settings.rules);

  const save = async () => {
    const v = await form.validateFields();
    const patch = deadlinesPatch(settings, v);
    if (Object.keys(patch).length === 0) {
      message.info(t('deadlines.noChanges'));
      return;
    }
    setBusy(true);
    setError(null);
    setHoursError(null);
    setRuleErrors({});
    try {
      const s = await api.updateSla({ ...patch, note: v.note.trim() });
      message.success(t('deadlines.savedVersion', { version: s.version }));
      onSaved(s);
    } catch (e) {
      if (!(e instanceof ApiError) || !e.field) {
        setError(e);
        return;
      }
      const text = describeError(lang, e).inline;
      const field = e.field.replace(/^\//, '').replaceAll('/', '.');
      const rule = ruleErrorTarget(field);
      if (rule && rule.index < defaults.length) setRuleErrors({ [`${rule.index}.${rule.part ?? 'sign'}`]: text });
      else if (field.startsWith('workingHours')) setHoursError(text);
      else if (!applyFieldError(e, form, RULES_FORM_FIELDS, lang)) setError(e);
    } finally {
      setBusy(false);
    }
  };

  const limitCell = (i: number, part: 'sign' | 'reply', limit: DeadlineLimit) => {
    const err = ruleErrors[`${i}.${part}`];
    if (!canEdit) return <span data-testid={`rule-${defaults[i]?.urgency}-${part}`}>{formatLimit(limit, t)}</span>;
    return (
      <div>
        <LimitInput name={['defaults', i, part]} disabled={!canEdit} />
        {err && (
          <div className="ant-form-item-explain-error" style={{ color: '#ff4d4f', fontSize: 12 }} data-testid={`rule-error-${i}-${part}`}>
            {err}
          </div>
        )}
      </div>
    );
  };

  const categoryName = (prefix: string | null) => {
    if (!prefix) return t('deadlines.any');
    const c = categories.find((x) => x.code === prefix);
    return c ? `${prefix} ${lang === 'zh' ? c.name : c.nameEn}` : prefix;
  };

  return (
    <div data-testid="rules-tab">
      <ErrorAlert error={error} testId="rules-error" />
      <Form form={form} layout="vertical" initialValues={initial} disabled={!canEdit} requiredMark={false}>
        <Card size="small" title={t('deadlines.defaultRules')} style={{ marginBottom: 12 }} data-testid="default-rules">
          <Table<DeadlineRule & { index: number }>
            size="small"
            rowKey="urgency"
            pagination={false}
            scroll={{ x: 'max-content' }}
            dataSource={defaults.map((r, index) => ({ ...r, index }))}
            onRow={(r) => ({ 'data-testid': 'rule-row', 'data-urgency': r.urgency }) as HTMLAttributes<HTMLElement>}
            columns={[
              { title: t('field.urgency'), dataIndex: 'urgency', render: (u: string) => <Tag color={u === 'emergency' ? 'red' : u === 'urgent' ? 'volcano' : 'default'}>{tv('urgency', u)}</Tag> },
              { title: t('deadline.signBy'), render: (_, r) => limitCell(r.index, 'sign', r.sign) },
              { title: t('deadline.replyBy'), render: (_, r) => limitCell(r.index, 'reply', r.reply) },
            ]}
          />
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '8px 0 0' }}>
            {t('deadlines.unitsHelp', { hours: hoursPerDay === null ? '—' : String(hoursPerDay) })}
          </Typography.Paragraph>
        </Card>

        {specific.length > 0 && (
          <Card size="small" title={t('deadlines.specificRules', { n: specific.length })} style={{ marginBottom: 12 }} data-testid="specific-rules">
            <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
              {t('deadlines.specificHelp')}
            </Typography.Paragraph>
            <Table<DeadlineRule>
              size="small"
              rowKey={(r) => `${r.urgency}|${r.categoryPrefix ?? ''}|${r.unitId ?? ''}`}
              pagination={{ pageSize: 10, size: 'small', hideOnSinglePage: true }}
              scroll={{ x: 'max-content' }}
              dataSource={specific}
              columns={[
                { title: t('field.urgency'), dataIndex: 'urgency', render: (u: string) => tv('urgency', u) },
                { title: t('field.category'), dataIndex: 'categoryPrefix', render: (c: string | null) => categoryName(c) },
                { title: t('field.unit'), dataIndex: 'unitId', render: (u: string | null) => (u ? unitName(units, u, lang) : t('deadlines.any')) },
                { title: t('deadline.signBy'), dataIndex: 'sign', render: (l: DeadlineLimit) => formatLimit(l, t) },
                { title: t('deadline.replyBy'), dataIndex: 'reply', render: (l: DeadlineLimit) => formatLimit(l, t) },
              ]}
            />
          </Card>
        )}

        <Row gutter={[12, 12]}>
          <Col xs={24} lg={8}>
            <Card size="small" title={t('deadlines.thresholds')} style={{ height: '100%' }} data-testid="thresholds">
              <Form.Item name="yellowPercent" label={t('deadlines.yellowAt')} rules={[{ required: true, message: t('deadlines.amountRequired') }]}>
                <InputNumber min={1} max={99} precision={1} suffix="%" style={{ width: 140 }} data-testid="threshold-yellow" />
              </Form.Item>
              <Form.Item name="orangePercent" label={t('deadlines.orangeAt')} rules={[{ required: true, message: t('deadlines.amountRequired') }]}>
                <InputNumber min={1} max={99} precision={1} suffix="%" style={{ width: 140 }} data-testid="threshold-orange" />
              </Form.Item>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('deadlines.redAt')}
              </Typography.Text>
            </Card>
          </Col>
          <Col xs={24} lg={8}>
            <Card size="small" title={t('deadlines.workingHours')} style={{ height: '100%' }} data-testid="working-hours">
              <Form.List name="periods">
                {(fields, { add, remove }) => (
                  <>
                    {fields.map((f, i) => (
                      <Space key={f.key} align="baseline" size={4} style={{ display: 'flex', marginBottom: 4 }}>
                        <Form.Item name={[f.name, 'start']} noStyle>
                          <Input style={{ width: 76 }} placeholder="09:00" maxLength={5} data-testid={`period-${i}-start`} />
                        </Form.Item>
                        <span>–</span>
                        <Form.Item name={[f.name, 'end']} noStyle>
                          <Input style={{ width: 76 }} placeholder="12:00" maxLength={5} data-testid={`period-${i}-end`} />
                        </Form.Item>
                        {canEdit && fields.length > 1 && <MinusCircleOutlined onClick={() => remove(f.name)} aria-label={t('deadlines.removePeriod')} />}
                      </Space>
                    ))}
                    {canEdit && fields.length < 6 && (
                      <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => add({ start: '', end: '' })} style={{ marginTop: 4 }}>
                        {t('deadlines.addPeriod')}
                      </Button>
                    )}
                  </>
                )}
              </Form.List>
              {hoursError && (
                <div style={{ color: '#ff4d4f', fontSize: 12, marginTop: 4 }} data-testid="working-hours-error">
                  {hoursError}
                </div>
              )}
              <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '8px 0 0' }}>
                {hoursPerDay === null ? t('deadlines.hoursInvalid') : t('deadlines.hoursPerDay', { hours: hoursPerDay })}
              </Typography.Paragraph>
            </Card>
          </Col>
          <Col xs={24} lg={8}>
            <Card size="small" title={t('deadlines.supervision')} style={{ height: '100%' }} data-testid="supervision">
              <Form.Item name="escalateAfterMinutes" label={t('deadlines.escalateAfter')} extra={t('deadlines.escalateHelp')} rules={[{ required: true, message: t('deadlines.amountRequired') }]}>
                <InputNumber min={0} precision={0} suffix={t('deadlines.minutes')} style={{ width: 150 }} data-testid="escalate-after" />
              </Form.Item>
              <Form.Item name="maxEscalations" label={t('deadlines.maxEscalations')} rules={[{ required: true, message: t('deadlines.amountRequired') }]}>
                <InputNumber min={0} precision={0} suffix={t('deadlines.times')} style={{ width: 150 }} data-testid="max-escalations" />
              </Form.Item>
            </Card>
          </Col>
        </Row>
        {canEdit && (
          <Card size="small" style={{ marginTop: 12 }}>
            <Form.Item name="note" label={t('deadlines.note')} rules={[{ required: true, whitespace: true, message: t('deadlines.noteRequired') }]}>
              <Input maxLength={500} placeholder={t('deadlines.notePlaceholder')} data-testid="rules-note" />
            </Form.Item>
            <Button type="primary" onClick={() => void save().catch(() => undefined)} loading={busy} data-testid="rules-save">
              {t('deadlines.save')}
            </Button>
          </Card>
        )}
      </Form>
      <Typography.Paragraph type="secondary" style={{ margin: '12px 0 0', fontSize: 12 }} data-testid="settings-version">
        {settings.createdAt
          ? t('deadlines.currentVersion', { version: settings.version, name: who(settings.createdBy, settings.createdByName) || t('who.system'), at: formatDateTime(settings.createdAt) })
          : t('deadlines.builtIn')}
      </Typography.Paragraph>
    </div>
  );
}

// ---------------------------------------------------------------------------------------------------------
// Versions

function changeLines(c: VersionChange, t: T, lang: Lang, tv: (p: string, v: string) => string): string {
  const sep = lang === 'zh' ? '；' : '; ';
  switch (c.kind) {
    case 'rule':
      return t('ver.rule', {
        urgency: tv('urgency', c.urgency),
        part: t(c.part === 'sign' ? 'deadline.signBy' : 'deadline.replyBy'),
        before: formatLimit(c.before, t),
        after: formatLimit(c.after, t),
      });
    case 'specificRules':
      return t('ver.specific', { before: c.before, after: c.after });
    case 'thresholds':
      return t('ver.thresholds', { before: `${pct(c.before.yellow)} / ${pct(c.before.orange)}`, after: `${pct(c.after.yellow)} / ${pct(c.after.orange)}` });
    case 'workingHours':
      return t('ver.workingHours', { before: formatPeriods(c.before, lang), after: formatPeriods(c.after, lang) });
    case 'supervision':
      return t('ver.supervision', {
        before: t('ver.supervisionValue', { minutes: c.before.escalateAfterMinutes, n: c.before.maxEscalations }),
        after: t('ver.supervisionValue', { minutes: c.after.escalateAfterMinutes, n: c.after.maxEscalations }),
      });
    case 'calendar': {
      const parts: string[] = [];
      if (c.addedHolidays.length) parts.push(t('ver.calHolidays', { dates: c.addedHolidays.join(', ') }));
      if (c.addedWorkdays.length) parts.push(t('ver.calWorkdays', { dates: c.addedWorkdays.join(', ') }));
      if (c.removed.length) parts.push(t('ver.calRemoved', { dates: c.removed.join(', ') }));
      if (c.names.length) parts.push(t('ver.calNames', { items: c.names.map((n) => `${n.date} ${n.name ?? t('ver.calNoName')}`).join(', ') }));
      return `${t('ver.calendar')}${parts.join(sep)}`;
    }
  }
}

function VersionsTab({ tick }: { tick: number }) {
  const { t, lang, tv } = useApp();
  const who = useWho();
  const state = useAsync(() => api.deadlineVersions(), [tick]);
  const items = state.data?.items ?? [];
  return (
    <PageState loading={state.loading && !state.data} error={state.error} onRetry={state.reload}>
      <Table<DeadlineSettings>
        size="small"
        rowKey="version"
        dataSource={items}
        pagination={{ pageSize: 20, size: 'small', hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        onRow={(r) => ({ 'data-testid': 'version-row', 'data-version': r.version }) as HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: t('ver.version'),
            dataIndex: 'version',
            render: (v: number, _r, i) => (
              <Space size={4}>
                <strong>v{v}</strong>
                {i === 0 && <Tag color="green">{t('ver.current')}</Tag>}
              </Space>
            ),
          },
          { title: t('ver.at'), dataIndex: 'createdAt', render: (v: string | null) => (v ? formatDateTime(v) : '—') },
          { title: t('ver.by'), dataIndex: 'createdBy', render: (v: string | null, r) => who(v, r.createdByName) || '—' },
          { title: t('deadlines.note'), dataIndex: 'note', render: (v: string | null, r) => (r.version === 0 ? t('ver.builtIn') : v || '—') },
          {
            title: t('ver.changes'),
            render: (_, r, i) => {
              if (r.version === 0) return <Typography.Text type="secondary">{t('ver.defaults')}</Typography.Text>;
              const lines = versionChanges(items[i + 1], r).map((c) => changeLines(c, t, lang, tv));
              if (lines.length === 0) return <Typography.Text type="secondary">{t('ver.noChange')}</Typography.Text>;
              return (
                <div style={{ fontSize: 12, maxWidth: 520, whiteSpace: 'normal', minWidth: 220 }}>
                  {lines.map((l) => (
                    <div key={l}>{l}</div>
                  ))}
                </div>
              );
            },
          },
        ]}
      />
    </PageState>
  );
}

// ---------------------------------------------------------------------------------------------------------
// Emergency response

function EmergencyCard({ canEdit }: { canEdit: boolean }) {
  const { t, lang } = useApp();
  const { message } = AntApp.useApp();
  const who = useWho();
  const state = useAsync(() => api.emergency(), []);
  const [asking, setAsking] = useState<'on' | 'off' | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [lastResult, setLastResult] = useState<EmergencyState | null>(null);
  const [form] = Form.useForm<{ tag: string }>();
  const mode = state.data;

  const submit = async () => {
    const active = asking === 'on';
    const tag = active ? (await form.validateFields()).tag.trim() : undefined;
    setBusy(true);
    setError(null);
    try {
      const r = await api.setEmergency(active ? { active, tag: tag as string } : { active });
      state.setData(r);
      setLastResult(r);
      setAsking(null);
      form.resetFields();
      message.success(t(r.active ? 'emergency.turnedOn' : 'emergency.turnedOff', { tag: r.tag ?? '', n: r.reprioritised ?? 0 }));
    } catch (e) {
      if (!applyFieldError(e, form, ['tag'], lang)) setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card
      size="small"
      title={t('emergency.title')}
      style={{ marginBottom: 12, borderColor: mode?.active ? '#ffa39e' : undefined }}
      data-testid="emergency-card"
      extra={
        mode && (
          <Tag color={mode.active ? 'red' : 'default'} data-testid="emergency-state" data-active={String(mode.active)}>
            {mode.active ? t('emergency.on', { tag: mode.tag ?? '' }) : t('emergency.off')}
          </Tag>
        )
      }
    >
      <PageState loading={state.loading && !mode} error={state.error} onRetry={state.reload}>
        {mode && (
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'center', justifyContent: 'space-between' }}>
            <div style={{ flex: '1 1 260px', minWidth: 0 }}>
              <Typography.Paragraph style={{ margin: 0, fontSize: 13 }}>{t('emergency.help')}</Typography.Paragraph>
              {mode.changedAt && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="emergency-changed">
                  {t(mode.active ? 'emergency.onSince' : 'emergency.offSince', { at: formatDateTime(mode.changedAt), name: who(mode.changedBy, mode.changedByName) || '—' })}
                </Typography.Text>
              )}
              {lastResult && (
                <div>
                  <Typography.Text style={{ fontSize: 12 }} data-testid="emergency-reprioritised" data-count={lastResult.reprioritised ?? 0}>
                    {t('emergency.reprioritised', { n: lastResult.reprioritised ?? 0 })}
                  </Typography.Text>
                </div>
              )}
            </div>
            {canEdit && (
              <Space>
                <Typography.Text>{t('emergency.switch')}</Typography.Text>
                <Switch
                  checked={mode.active}
                  onChange={(on) => {
                    setError(null);
                    setAsking(on ? 'on' : 'off');
                  }}
                  checkedChildren={t('emergency.switchOn')}
                  unCheckedChildren={t('emergency.switchOff')}
                  data-testid="emergency-switch"
                />
              </Space>
            )}
          </div>
        )}
      </PageState>
      <Modal
        open={asking !== null}
        title={t(asking === 'on' ? 'emergency.confirmOnTitle' : 'emergency.confirmOffTitle')}
        onCancel={() => setAsking(null)}
        onOk={() => void submit().catch(() => undefined)}
        okText={t(asking === 'on' ? 'emergency.confirmOn' : 'emergency.confirmOff')}
        okButtonProps={{ danger: asking === 'on', ...({ 'data-testid': 'emergency-confirm' } as object) }}
        cancelText={t('app.cancel')}
        confirmLoading={busy}
        destroyOnHidden
      >
        <ErrorAlert error={error} testId="emergency-error" />
        {asking === 'on' ? (
          <>
            <Typography.Paragraph>{t('emergency.confirmOnText')}</Typography.Paragraph>
            <Form form={form} layout="vertical" requiredMark={false}>
              <Form.Item name="tag" label={t('emergency.tag')} extra={t('emergency.tagHelp')} rules={[{ required: true, whitespace: true, message: t('emergency.tagRequired') }]}>
                <AutoComplete
                  options={EMERGENCY_TAGS.map((v) => ({ value: v }))}
                  filterOption={(input, option) => String(option?.value ?? '').includes(input.trim())}
                  maxLength={32} placeholder="涉疫" data-testid="emergency-tag" />
              </Form.Item>
            </Form>
          </>
        ) : (
          <Typography.Paragraph>{t('emergency.confirmOffText', { tag: mode?.tag ?? '' })}</Typography.Paragraph>
        )}
      </Modal>
    </Card>
  );
}

// ---------------------------------------------------------------------------------------------------------

function DeadlinesView() {
  const { t, user } = useApp();
  const { search } = useLocation();
  const isAdmin = user?.roles.includes('admin') ?? false;
  const requestedTab = new URLSearchParams(search).get('tab') as Tab | null;
  const tab: Tab = requestedTab && TABS.includes(requestedTab) ? requestedTab : 'calendar';
  const [tick, setTick] = useState(0);
  const settings = useAsync(() => api.deadlineSettings(), [tick]);
  const onSaved = () => setTick((x) => x + 1);
  const setTab = (k: string) => {
    const q = new URLSearchParams(search);
    if (k === 'calendar') q.delete('tab');
    else q.set('tab', k);
    const s = q.toString();
    navigate(`/deadlines${s ? `?${s}` : ''}`, true);
  };
  const s = settings.data;
  return (
    <div data-testid="deadlines-page">
      <PageHeader title={t('deadlines.title')} onRefresh={() => setTick((x) => x + 1)} readOnly={isAdmin ? null : t('deadlines.readOnly')} readOnlyTestId="deadlines-read-only" />
      <EmergencyCard canEdit={isAdmin} key={`emergency-${tick}`} />
      <PageState loading={settings.loading && !s} error={settings.error} onRetry={settings.reload}>
        {s && (
          <Tabs
            activeKey={tab}
            onChange={setTab}
            items={[
              { key: 'calendar', label: t('deadlines.tab.calendar'), children: <CalendarTab settings={s} canEdit={isAdmin} onSaved={onSaved} tick={tick} /> },
              { key: 'rules', label: t('deadlines.tab.rules'), children: <RulesTab settings={s} canEdit={isAdmin} onSaved={onSaved} /> },
              { key: 'versions', label: t('deadlines.tab.versions'), children: <VersionsTab tick={tick} /> },
            ]}
          />
        )}
      </PageState>
    </div>
  );
}

// The shell shows it only to the roles of route.ts.
export default DeadlinesView;
