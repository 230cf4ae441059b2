import { Typography } from 'antd';
import { FileImageOutlined, FilePdfOutlined, FileOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ConsultationDetailView } from '@yigong/contracts';
import { DataTable, type DataColumn } from '../../shared/components/data-table.component.tsx';
import { formatFileSize } from './diagnostics-format.ts';
import { FileDownloadButton } from './file-download.component.tsx';
import { fetchConsultationAttachment } from './consultation.resource.ts';

type Attachment = ConsultationDetailView['attachments'][number];

const ICONS: Record<string, React.ReactNode> = { 'application/pdf': <FilePdfOutlined />, 'image/png': <FileImageOutlined />, 'image/jpeg': <FileImageOutlined /> };

/** 附件: the files sent with the request, each downloaded with the session's token. */
export function ConsultationAttachments({ c }: { c: ConsultationDetailView }) {
  const { t } = useTranslation();
  const columns: DataColumn<Attachment>[] = [
    {
      title: t('diagnostics.fileName'),
      dataIndex: 'name',
      render: (v: string, a) => (
        <Typography.Text>
          {ICONS[a.mediaType] ?? <FileOutlined />} {v}
        </Typography.Text>
      ),
    },
    { title: t('consultation.mediaType'), dataIndex: 'mediaType', render: (v: string) => t(`consultation.mediaTypes.${v.replace('/', '_')}`, { defaultValue: v }) },
    { title: t('diagnostics.fileSize'), dataIndex: 'size', align: 'right', render: (v: number) => formatFileSize(v) },
    { title: t('field.actions'), key: 'download', noExport: true, render: (_: unknown, a) => <FileDownloadButton name={a.name} load={() => fetchConsultationAttachment(c.id, a.id)} data-testid="attachment-download" /> },
  ];
  if (c.attachments.length === 0) return <Typography.Text type="secondary" data-testid="consultation-attachments">{t('consultation.noAttachments')}</Typography.Text>;
  return <DataTable data-testid="consultation-attachments" columns={columns} rows={c.attachments} />;
}
