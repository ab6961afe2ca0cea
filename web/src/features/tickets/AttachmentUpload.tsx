import { useState } from 'react';
import { Button, Upload, message as antMessage } from 'antd';
import { PaperClipOutlined } from '@ant-design/icons';
import type { UploadFile } from 'antd';
import { api, fileToBase64 } from '../../shell/api';
import { useApp } from '../../shell/context';
import { errorMessage } from '../../shell/components/common';

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
  const { t, lang } = useApp();
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
          antMessage.error(errorMessage(e, t('app.networkError'), lang));
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
