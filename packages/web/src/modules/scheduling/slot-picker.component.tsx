import { useState } from 'react';
import { Button, Flex, Segmented, Space, Tag, Typography, theme } from 'antd';
import { CheckCircleFilled } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type { SlotView } from '@yigong/contracts';
import { RESOURCE_TYPES, type ResourceType } from '@yigong/domain';
import { EmptyState, ErrorState, LoadingState } from '../../shared/components/query-state.component.tsx';
import { useSlots } from './scheduling.resource.ts';
import { bookableForReferral, groupByDay, nextDays, slotPools } from './slot-occupancy.ts';

/** `预留 1/2 · 公共 8/8` (or `预留已释放 · 公共 9/9` after release). */
export function useAvailabilityText(): (s: SlotView) => string {
  const { t } = useTranslation();
  return (s) => {
    const p = slotPools(s);
    return s.released
      ? t('scheduling.availabilityReleased', { pf: p.publicFree, p: p.publicTotal })
      : t('scheduling.availability', { rf: p.reservedFree, r: p.reservedTotal, pf: p.publicFree, p: p.publicTotal });
  };
}

export function slotTimeText(s: Pick<SlotView, 'startsAt' | 'endsAt'>): string {
  return `${dayjs(s.startsAt).format('HH:mm')}–${dayjs(s.endsAt).format('HH:mm')}`;
}

function SlotOption({ s, selected, now, onSelect }: { s: SlotView; selected: boolean; now: number; onSelect: () => void }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const availability = useAvailabilityText();
  const bookable = bookableForReferral(s, new Date(now));
  const p = slotPools(s);
  return (
    <button
      type="button"
      role="radio"
      aria-checked={selected}
      disabled={!bookable}
      onClick={onSelect}
      data-testid="slot-option"
      data-slot-id={s.id}
      style={{
        textAlign: 'left',
        cursor: bookable ? 'pointer' : 'not-allowed',
        minWidth: 220,
        padding: '6px 10px',
        borderRadius: token.borderRadius,
        border: `1px solid ${selected ? token.colorPrimary : token.colorBorder}`,
        background: selected ? token.colorPrimaryBg : bookable ? token.colorBgContainer : token.colorBgContainerDisabled,
        color: bookable ? token.colorText : token.colorTextDisabled,
      }}
    >
      <Flex justify="space-between" gap={8}>
        <Typography.Text strong disabled={!bookable}>
          {slotTimeText(s)}
        </Typography.Text>
        {selected && <CheckCircleFilled style={{ color: token.colorPrimary }} />}
        {!bookable && <Tag style={{ marginInlineEnd: 0 }}>{Date.parse(s.startsAt) <= now ? t('scheduling.past') : t('scheduling.full')}</Tag>}
      </Flex>
      <div style={{ fontSize: 12 }}>{s.resourceName}</div>
      <div style={{ fontSize: 12 }} data-testid="slot-availability">
        <span style={{ color: p.reservedFree > 0 ? token.colorSuccess : undefined }}>{availability(s)}</span>
      </div>
    </button>
  );
}

interface Props {
  organizationId: string | null | undefined;
  /** Department code; all departments when absent. */
  department?: string | null;
  value?: string | null;
  onChange?: (slotId: string | null) => void;
}

/**
 * 号源选择: the next 14 days of the unit's clinic sessions, beds or exams, each with its reserved
 * (family-doctor referral) and public places visible; full and past slots cannot be chosen.
 */
export function SlotPicker({ organizationId, department, value, onChange }: Props) {
  const { t } = useTranslation();
  const [type, setType] = useState<ResourceType>('clinic');
  // When the picker opened: a slot starting before then cannot be booked.
  const [now] = useState(() => Date.now());
  const days = nextDays(dayjs().format('YYYY-MM-DD'), 14);
  const slots = useSlots({ organizationId, resourceType: type, department: department ?? undefined, from: days[0]!, to: days[13]! });
  const groups = groupByDay(slots.data ?? []);

  let body: React.ReactNode;
  if (!organizationId) body = <EmptyState description={t('scheduling.chooseOrg')} />;
  else if (slots.isPending) body = <LoadingState />;
  else if (slots.isError) body = <ErrorState compact error={slots.error} onRetry={() => void slots.refetch()} />;
  else if (groups.length === 0) body = <EmptyState description={t('scheduling.noSlots')} />;
  else
    body = (
      <Space orientation="vertical" size={8} style={{ width: '100%', maxHeight: 360, overflowY: 'auto' }} role="radiogroup">
        {groups.map((g) => (
          <Flex key={g.date} gap={12} align="start">
            <Typography.Text type="secondary" style={{ width: 88, flex: 'none', paddingTop: 6 }}>
              {dayjs(g.date).format('MM-DD ddd')}
            </Typography.Text>
            <Flex wrap gap={8}>
              {g.slots.map((s) => (
                <SlotOption key={s.id} s={s} now={now} selected={s.id === value} onSelect={() => onChange?.(s.id === value ? null : s.id)} />
              ))}
            </Flex>
          </Flex>
        ))}
      </Space>
    );

  return (
    <div data-testid="slot-picker">
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 8 }}>
        <Segmented<ResourceType>
          size="small"
          value={type}
          onChange={(v) => {
            setType(v);
            onChange?.(null);
          }}
          options={RESOURCE_TYPES.map((r) => ({ value: r, label: t(`scheduling.types.${r}`) }))}
        />
        {value && (
          <Button size="small" type="link" onClick={() => onChange?.(null)}>
            {t('referral.slotClear')}
          </Button>
        )}
      </Flex>
      {body}
    </div>
  );
}
