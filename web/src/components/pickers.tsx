import { useMemo, useState } from 'react';
import { Button, TreeSelect, Upload, message as antMessage } from 'antd';
import { PaperClipOutlined } from '@ant-design/icons';
import type { UploadFile } from 'antd';
import { api, fileToBase64 } from '../api';
import { useApp } from '../context';
import { categoryTree, matchesNode, unitTree, type TreeNode } from '../tree';
import { errorMessage } from './common';

interface PickerProps<V> {
  value?: V;
  onChange?: (v: V) => void;
  id?: string;
  placeholder?: string;
  autoFocus?: boolean;
  allowClear?: boolean;
  'data-testid'?: string;
}

const filterTreeNode = (input: string, node: unknown) => matchesNode(input, node as TreeNode);

/** Searchable three-level category tree: type a code or any part of a name. */
export function CategorySelect(props: PickerProps<string | undefined>) {
  const { categories, lang, t } = useApp();
  const tree = useMemo(() => categoryTree(categories, lang), [categories, lang]);
  return (
    <TreeSelect
      id={props.id}
      data-testid={props['data-testid']}
      value={props.value}
      onChange={(v: string | undefined) => props.onChange?.(v)}
      treeData={tree}
      showSearch={{ filterTreeNode, treeNodeFilterProp: 'searchText' }}
      allowClear={props.allowClear ?? true}
      placeholder={props.placeholder ?? t('desk.categoryPlaceholder')}
      styles={{ popup: { root: { maxHeight: 420, overflow: 'auto' } } }}
      style={{ width: '100%' }}
      treeDefaultExpandAll={false}
      treeLine
    />
  );
}

/** Searchable unit tree (districts → streets, departments, companies). */
export function UnitSelect(props: PickerProps<string | undefined>) {
  const { units, t, lang } = useApp();
  const tree = useMemo(() => unitTree(units, lang), [units, lang]);
  return (
    <TreeSelect
      id={props.id}
      data-testid={props['data-testid']}
      value={props.value}
      onChange={(v: string | undefined) => props.onChange?.(v)}
      treeData={tree}
      showSearch={{ filterTreeNode, treeNodeFilterProp: 'searchText' }}
      allowClear={props.allowClear ?? true}
      placeholder={props.placeholder ?? t('desk.unitPlaceholder')}
      style={{ width: '100%' }}

      autoFocus={props.autoFocus}
    />
  );
}

export function UnitsSelect(props: PickerProps<string[] | undefined>) {
  const { units, t, lang } = useApp();
  const tree = useMemo(() => unitTree(units, lang), [units, lang]);
  return (
    <TreeSelect
      id={props.id}
      value={props.value}
      onChange={(v: string[]) => props.onChange?.(v)}
      treeData={tree}
      multiple
      showSearch={{ filterTreeNode, treeNodeFilterProp: 'searchText' }}
      allowClear
      placeholder={props.placeholder ?? t('desk.unitPlaceholder')}
      style={{ width: '100%' }}

    />
  );
}

// The API accepts up to 5 MB per file; refuse bigger ones before sending them.
const MAX_BYTES = 5 * 1024 * 1024;

/** Uploads each file to POST /attachments at once and reports the ids; the form sends only ids. */
export function AttachmentUpload({
  value,
  onChange,
  anonymous = false,
  max = 6,
  accept,
  listType = 'text',
}: {
  value?: string[];
  onChange?: (ids: string[]) => void;
  anonymous?: boolean;
  max?: number;
  accept?: string;
  listType?: 'text' | 'picture-card';
}) {
  const { t } = useApp();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const ids = value ?? [];
  return (
    <Upload
      listType={listType}
      accept={accept}
      fileList={files}
      maxCount={max}
      multiple
      onRemove={(file) => {
        setFiles((fs) => fs.filter((f) => f.uid !== file.uid));
        const id = (file.response as { id?: string } | undefined)?.id;
        if (id) onChange?.(ids.filter((x) => x !== id));
      }}
      customRequest={async (opts) => {
        const file = opts.file as File;
        try {
          if (file.size > MAX_BYTES) throw new Error('> 5 MB');
          const dataBase64 = await fileToBase64(file);
          const att = await api.upload({ filename: file.name, contentType: file.type || 'application/octet-stream', dataBase64 }, anonymous);
          opts.onSuccess?.(att);
        } catch (e) {
          antMessage.error(errorMessage(e, 'upload failed'));
          opts.onError?.(e instanceof Error ? e : new Error(String(e)));
        }
      }}
      onChange={({ fileList }) => {
        setFiles(fileList);
        const done = fileList
          .filter((f) => f.status === 'done')
          .map((f) => (f.response as { id?: string } | undefined)?.id)
          .filter((x): x is string => typeof x === 'string');
        if (done.join() !== ids.join()) onChange?.(done);
      }}
    >
      {files.length >= max ? null : listType === 'picture-card' ? (
        <div>
          <PaperClipOutlined />
          <div style={{ marginTop: 4 }}>{t('form.upload')}</div>
        </div>
      ) : (
        <Button icon={<PaperClipOutlined />}>{t('form.upload')}</Button>
      )}
    </Upload>
  );
}
