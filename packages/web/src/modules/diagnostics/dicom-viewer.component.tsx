import { useEffect, useRef, useState } from 'react';
import { Col, Descriptions, Row, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OrderDetailView } from '@yigong/contracts';
import { DataTable, type DataColumn } from '../../shared/components/data-table.component.tsx';
import { ErrorState, LoadingState } from '../../shared/components/query-state.component.tsx';
import { formatFileSize } from './diagnostics-format.ts';
import { base64ToBytes, greyToRgba } from './dicom-pixels.ts';
import { FileDownloadButton } from './file-download.component.tsx';
import { fetchStudyFile, useDicomFrame } from './diagnostics.resource.ts';

type StudyFile = OrderDetailView['files'][number];

const VIEW_PX = 384;

/** The first frame of a DICOM file drawn on a canvas (8-bit grey from the server). */
function DicomFrame({ orderId, file }: { orderId: string; file: StudyFile }) {
  const { t } = useTranslation();
  const query = useDicomFrame(orderId, file.id);
  const canvas = useRef<HTMLCanvasElement>(null);
  const frame = query.data;
  useEffect(() => {
    const c = canvas.current;
    const ctx = c?.getContext('2d');
    if (!c || !ctx || !frame) return;
    c.width = frame.columns;
    c.height = frame.rows;
    ctx.putImageData(new ImageData(greyToRgba(base64ToBytes(frame.pixels), frame.rows, frame.columns), frame.columns, frame.rows), 0, 0);
  }, [frame]);
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} compact onRetry={() => void query.refetch()} />;
  return (
    <Space orientation="vertical" size={4} style={{ width: '100%' }}>
      <canvas
        ref={canvas}
        aria-label={t('diagnostics.frameTitle')}
        data-testid="dicom-canvas"
        style={{ width: '100%', maxWidth: VIEW_PX, height: 'auto', aspectRatio: `${query.data.columns} / ${query.data.rows}`, background: '#000', borderRadius: 4, display: 'block' }}
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('diagnostics.frameTitle')} · {query.data.columns} × {query.data.rows}
      </Typography.Text>
    </Space>
  );
}

/** 影像: the study's files, the chosen file's DICOM tags and its first frame, a download of each. */
export function DicomViewer({ o }: { o: OrderDetailView }) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<string | null>(null);
  const file = o.files.find((f) => f.id === chosen) ?? o.files[0]!;
  const columns: DataColumn<StudyFile>[] = [
    { title: t('diagnostics.fileName'), dataIndex: 'name', render: (v: string, f) => (f.id === file.id ? <Typography.Text strong>{v}</Typography.Text> : v) },
    { title: t('diagnostics.fileSize'), dataIndex: 'size', align: 'right', render: (v: number) => formatFileSize(v) },
    { title: 'Modality', key: 'modality', render: (_: unknown, f) => f.tags.Modality ?? '—', exportValue: (f) => f.tags.Modality },
    { title: 'StudyDate', key: 'studyDate', render: (_: unknown, f) => f.tags.StudyDate ?? '—', exportValue: (f) => f.tags.StudyDate },
    { title: t('field.actions'), key: 'download', noExport: true, render: (_: unknown, f) => <FileDownloadButton name={f.name} load={() => fetchStudyFile(o.id, f.id)} data-testid="dicom-download" /> },
  ];
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="dicom-viewer">
      <DataTable columns={columns} rows={o.files} onRowClick={(f) => setChosen(f.id)} exportName={`${o.residentName}-${t('diagnostics.images')}`} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          {file.kind === 'dicom' ? <DicomFrame orderId={o.id} file={file} /> : <Typography.Text type="secondary">{t('diagnostics.notDicom')}</Typography.Text>}
        </Col>
        <Col xs={24} lg={12}>
          <Descriptions
            size="small"
            bordered
            column={1}
            title={t('diagnostics.dicomTags')}
            data-testid="dicom-tags"
            items={Object.entries(file.tags).map(([k, v]) => ({ key: k, label: k, children: v }))}
          />
        </Col>
      </Row>
    </Space>
  );
}
