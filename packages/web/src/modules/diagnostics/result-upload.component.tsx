import { useState } from 'react';
import { Alert, App, Modal, Progress, Space, Typography, Upload, type UploadFile } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { OrderDetailView } from '@yigong/contracts';
import { useErrorText } from '../../shared/components/query-state.component.tsx';
import { useUploadResults } from './diagnostics.resource.ts';

/** ECG and lab results are JSON; imaging and pathology send DICOM files (pathology also PNG/JPEG). */
function isJson(o: Pick<OrderDetailView, 'modality'>): boolean {
  return o.modality === 'ecg' || o.modality === 'lab';
}

const HINT_KEYS = { ecg: 'diagnostics.uploadEcg', lab: 'diagnostics.uploadLab', imaging: 'diagnostics.uploadDicom', pathology: 'diagnostics.uploadPathology' } as const;
const ACCEPT = { ecg: '.json,application/json', lab: '.json,application/json', imaging: '.dcm,application/dicom,*/*', pathology: '.dcm,.png,.jpg,.jpeg,application/dicom,image/png,image/jpeg' } as const;

interface Props {
  open: boolean;
  o: OrderDetailView;
  onClose: () => void;
}

/**
 * 上传结果 (data transfer, 传输): an ECG tracing or lab observations as a JSON file, or the study's
 * DICOM files as multipart, with the upload's progress. The server checks the content and answers
 * with the field it refuses.
 */
export function ResultUploadModal({ open, o, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const upload = useUploadResults(o.id);
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [progress, setProgress] = useState<number | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const json = isJson(o);

  function close() {
    if (upload.isPending) return;
    setFiles([]);
    setProgress(null);
    setProblem(null);
    onClose();
  }

  async function body(): Promise<FormData | object> {
    const chosen = files.map((f) => f.originFileObj).filter((f): f is NonNullable<typeof f> => !!f);
    if (json) {
      const text = await chosen[0]!.text();
      try {
        return JSON.parse(text) as object;
      } catch (e) {
        throw new Error(t('diagnostics.badJson', { message: e instanceof Error ? e.message : String(e) }), { cause: e });
      }
    }
    const form = new FormData();
    for (const f of chosen) form.append('file', f, f.name);
    return form;
  }

  async function send() {
    if (files.length === 0) {
      setProblem(t('diagnostics.noFiles'));
      return;
    }
    setProblem(null);
    setProgress(0);
    try {
      await upload.mutateAsync({ body: await body(), onProgress: (f) => setProgress(Math.round(f * 100)) });
      setProgress(100);
      void message.success(t('diagnostics.uploaded'));
      setFiles([]);
      setProgress(null);
      onClose();
    } catch (e) {
      setProgress(null);
      setProblem(errorText(e));
    }
  }

  return (
    <Modal
      open={open}
      title={t('diagnostics.uploadTitle')}
      onCancel={close}
      onOk={() => void send()}
      okText={t('diagnostics.upload')}
      okButtonProps={{ loading: upload.isPending, 'data-testid': 'upload-confirm' }}
      cancelButtonProps={{ disabled: upload.isPending }}
      destroyOnHidden
      width={600}
    >
      <Space orientation="vertical" style={{ width: '100%' }} size="middle">
        <Typography.Text type="secondary">{t(HINT_KEYS[o.modality])}</Typography.Text>
        <Upload.Dragger
          multiple={!json}
          maxCount={json ? 1 : 50}
          accept={ACCEPT[o.modality]}
          fileList={files}
          beforeUpload={() => false}
          onChange={({ fileList }) => setFiles(fileList)}
          disabled={upload.isPending}
          data-testid="upload-files"
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{t('diagnostics.chooseFiles')}</p>
        </Upload.Dragger>
        {progress !== null && (
          <div data-testid="upload-progress">
            <Typography.Text>{t('diagnostics.uploading')}</Typography.Text>
            <Progress percent={progress} status={upload.isPending ? 'active' : 'success'} />
          </div>
        )}
        {problem && <Alert type="error" showIcon title={problem} data-testid="upload-error" />}
      </Space>
    </Modal>
  );
}
