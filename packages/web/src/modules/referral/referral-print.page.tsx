import { Button, Flex, Space, message } from 'antd';
import { API_BASE, readToken } from '../../shared/api/api-client.ts';
import { ArrowLeftOutlined, FilePdfOutlined, PrinterOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type { ReferralView } from '@yigong/contracts';
import { useCommunitySelection } from '../../shared/community/community-context.tsx';
import { QueryState } from '../../shared/components/query-state.component.tsx';
import { formatDate, formatDateTime, orDash } from '../../shared/i18n/format.ts';
import { useResident } from '../residents/resident.resource.ts';
import { useDepartmentName } from './referral-summary.component.tsx';
import { useReferral } from './referral.resource.ts';
import { PRINT_CSS } from './referral-print-style.ts';

function Row({ cells }: { cells: [string, React.ReactNode, number?][] }) {
  return (
    <tr>
      {cells.map(([label, value, span], i) => (
        <Cell key={i} label={label} value={value} span={span} />
      ))}
    </tr>
  );
}

function Cell({ label, value, span }: { label: string; value: React.ReactNode; span?: number }) {
  return (
    <>
      <th>{label}</th>
      <td colSpan={span ?? 1}>{value}</td>
    </>
  );
}

/** The A4 转诊单: 转出单 content, the pickup code, signature lines and, once completed, the return note. */
function Slip({ r }: { r: ReferralView }) {
  const { t } = useTranslation();
  const { communities } = useCommunitySelection();
  const resident = useResident(r.residentId);
  const department = useDepartmentName(r);
  const p = resident.data;
  const unavailable = resident.isError ? t('print.residentUnavailable') : '';
  const primary = r.diagnoses.find((d) => d.primary) ?? r.diagnoses[0];
  const others = r.diagnoses.filter((d) => d !== primary);
  const community = communities.find((c) => c.id === r.communityId)?.name ?? '';
  const o = r.outcome;
  return (
    <div className="referral-print-sheet" data-testid="print-sheet">
      <div className="slip-head">
        <div className="slip-community">{community}</div>
        <h1>
          {t('print.title')}
          <small>（{t('print.subtitle')}）</small>
        </h1>
        <div className="slip-no">
          {t('print.referralNo')}：{r.id.slice(0, 8).toUpperCase()}
        </div>
      </div>
      <div className="slip-code">
        <div>
          <div className="slip-code-label">{t('referral.pickupCode')}</div>
          <div className="slip-code-value" data-testid="print-pickup-code">
            {r.pickupCode}
          </div>
        </div>
        <div className="slip-code-hint">{t('print.pickupHint')}</div>
      </div>
      <table className="slip-table">
        <colgroup>
          <col style={{ width: '13%' }} />
          <col style={{ width: '20%' }} />
          <col style={{ width: '13%' }} />
          <col style={{ width: '20%' }} />
          <col style={{ width: '13%' }} />
          <col style={{ width: '21%' }} />
        </colgroup>
        <tbody>
          <Row cells={[[t('print.patient'), <strong key="n">{r.residentName}</strong>], [t('print.sex'), p ? t(`sex.${p.sex}`) : unavailable || '—'], [t('print.age'), p ? t('record.ageYears', { age: p.age }) : '—']]} />
          <Row cells={[[t('print.idNumber'), <span key="id" className="mono">{p?.idNumberMasked ?? (unavailable || '—')}</span>, 3], [t('print.phone'), orDash(p?.phone)]]} />
          <Row cells={[[t('print.fileNumber'), <span key="f" className="mono">{r.residentId.slice(0, 8).toUpperCase()}</span>], [t('print.address'), orDash(p?.address), 3]]} />
          <Row cells={[[t('referral.from'), r.fromOrganizationName], [t('referral.to'), r.externalHospital ? `${r.toOrganizationName} → ${r.externalHospital}` : r.toOrganizationName], [t('referral.toDepartment'), orDash(department)]]} />
          <Row cells={[[t('referral.direction'), t(`referral.directions.${r.direction}`)], [t('referral.priority'), t(`referral.priorities.${r.priority}`)], [t('print.slot'), r.slotStartsAt ? formatDateTime(r.slotStartsAt) : t('print.notBooked')]]} />
          <Row cells={[[t('referral.primaryDiagnosis'), primary ? `${primary.code} ${primary.name ?? ''}` : '—', 3], [t('referral.catalogue'), t(`referral.rules.${r.catalogueCheck.rule ?? 'none'}`)]]} />
          {others.length > 0 && <Row cells={[[t('referral.otherDiagnoses'), others.map((d) => `${d.code} ${d.name ?? ''}`).join('；'), 5]]} />}
          <Row cells={[[t('referral.reason'), <div key="r" className="slip-text">{r.reason}</div>, 5]]} />
          <Row cells={[[t('referral.pastHistory'), <div key="h" className="slip-text">{orDash(r.pastHistory)}</div>, 5]]} />
          <Row cells={[[t('referral.treatment'), <div key="t" className="slip-text">{orDash(r.treatment)}</div>, 5]]} />
        </tbody>
      </table>
      <div className="slip-sign">
        <div>
          {t('print.signature')}：<span className="slip-line">{r.senderName ?? ''}</span>
        </div>
        <div>
          {t('print.unitStamp')}：<span className="slip-line">{r.fromOrganizationName}</span>
        </div>
        <div>
          {t('print.date')}：<span className="slip-line">{formatDate(r.createdAt)}</span>
        </div>
      </div>
      {o && (
        <>
          <h2 className="slip-section">{t('print.returnSubtitle')}（{t('referral.outcomeCard')}）</h2>
          <table className="slip-table">
            <tbody>
              <Row cells={[[t('referral.outcomeDiagnosis'), o.diagnosis], [t('referral.inpatientNumber'), orDash(o.inpatientNumber)]]} />
              <Row cells={[[t('referral.keyResults'), <div key="k" className="slip-text">{orDash(o.keyResults)}</div>, 3]]} />
              <Row cells={[[t('referral.outcomeTreatment'), <div key="t" className="slip-text">{orDash(o.treatment)}</div>, 3]]} />
              <Row cells={[[t('referral.plan'), <div key="p" className="slip-text">{orDash(o.plan)}</div>, 3]]} />
              <Row cells={[[t('referral.rehabilitation'), <div key="h" className="slip-text">{orDash(o.rehabilitation)}</div>, 3]]} />
            </tbody>
          </table>
        </>
      )}
      <div className="slip-foot">{t('print.printedAt', { time: dayjs().format('YYYY-MM-DD HH:mm') })}</div>
    </div>
  );
}

/** 打印转诊单: an A4 print view; the print style sheet hides the app's sidebar, header and breadcrumb. */
/** Opens the server-rendered PDF slip (GET /referrals/:id/slip.pdf, sent with the session token). */
async function openSlipPdf(id: string): Promise<void> {
  const res = await fetch(`${API_BASE}/referrals/${id}/slip.pdf`, { headers: { authorization: `Bearer ${readToken() ?? ''}` } });
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
    void message.error(body?.error?.message ?? `PDF ${res.status}`);
    return;
  }
  window.open(URL.createObjectURL(await res.blob()), '_blank');
}

export default function ReferralPrintPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const query = useReferral(id);
  return (
    <>
      <style>{PRINT_CSS}</style>
      <Flex justify="space-between" className="no-print" style={{ marginBottom: 16 }}>
        <Link to={`/referrals/${id}`}>
          <Button icon={<ArrowLeftOutlined />}>{t('print.back')}</Button>
        </Link>
        <Space>
          <Button icon={<FilePdfOutlined />} onClick={() => void openSlipPdf(id)} disabled={!query.data} data-testid="pdf-button">
            {t('print.pdf')}
          </Button>
          <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} disabled={!query.data} data-testid="print-button">
            {t('print.button')}
          </Button>
        </Space>
      </Flex>
      <QueryState query={query} isEmpty={() => false}>
        {(r) => <Slip r={r} />}
      </QueryState>
    </>
  );
}
