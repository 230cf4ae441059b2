import { Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OrderDetailView } from '@yigong/contracts';
import { EmptyState } from '../../shared/components/query-state.component.tsx';
import { DicomViewer } from './dicom-viewer.component.tsx';
import { EcgChart } from './ecg-chart.component.tsx';
import { LabResults } from './lab-results.component.tsx';

/** 检查结果: lab observations, the ECG tracing or the study's images — whatever has arrived. */
export function OrderResults({ o }: { o: OrderDetailView }) {
  const { t } = useTranslation();
  const any = o.observations.length > 0 || !!o.ecg || o.files.length > 0;
  if (!any) return <EmptyState description={t('diagnostics.noResults')} />;
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      {o.observations.length > 0 && <LabResults o={o} />}
      {o.ecg && <EcgChart o={o} />}
      {o.files.length > 0 && <DicomViewer o={o} />}
    </Space>
  );
}
