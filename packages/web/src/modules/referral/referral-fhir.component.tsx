import { useState } from 'react';
import { Button, Modal } from 'antd';
import { ApiOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../shared/components/query-state.component.tsx';
import { fetchFhirServiceRequest } from './referral.resource.ts';

/** "FHIR" link of the detail page: the referral as the interoperability layer serves it. */
export function FhirButton({ id }: { id: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const query = useQuery({ queryKey: ['fhir', 'ServiceRequest', id], enabled: open, queryFn: () => fetchFhirServiceRequest(id) });
  return (
    <>
      <Button icon={<ApiOutlined />} onClick={() => setOpen(true)} data-testid="fhir-button">
        {t('referral.fhir')}
      </Button>
      <Modal open={open} onCancel={() => setOpen(false)} footer={null} width={760} title={t('referral.fhirTitle')}>
        <QueryState query={query} isEmpty={() => false}>
          {(data) => <pre style={{ maxHeight: 560, overflow: 'auto', fontSize: 12, background: '#f6f8fa', padding: 12, borderRadius: 6 }}>{JSON.stringify(data, null, 2)}</pre>}
        </QueryState>
      </Modal>
    </>
  );
}
