import { useState } from 'react';
import { App, Button } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../shared/components/query-state.component.tsx';

/** Saves a blob under `name` through a temporary link. */
function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** 下载: fetches a file the API serves with the Bearer token (fetchFile) and saves it as `name`. */
export function FileDownloadButton({ name, load, 'data-testid': testId }: { name: string; load: () => Promise<Blob>; 'data-testid'?: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [busy, setBusy] = useState(false);
  async function download() {
    setBusy(true);
    try {
      saveBlob(await load(), name);
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  }
  return (
    <Button
      size="small"
      icon={<DownloadOutlined />}
      loading={busy}
      onClick={(e) => {
        e.stopPropagation();
        void download();
      }}
      data-testid={testId}
    >
      {t('diagnostics.download')}
    </Button>
  );
}
