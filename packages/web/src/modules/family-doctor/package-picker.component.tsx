import { Card, Checkbox, Col, Flex, Row, Tag, Typography } from 'antd';
import { LockOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { packageFits, type KeyPopulationTag } from '@yigong/domain';
import { yuan } from './family-doctor.resource.ts';
import type { PackageView } from '@yigong/contracts';

/** Price split of a package by payer, in yuan (stored in fen). */
function FeeSplit({ p }: { p: PackageView }) {
  const { t } = useTranslation();
  const parts = [
    ['insurance', p.insuranceFen],
    ['publicHealth', p.publicHealthFen],
    ['finance', p.financeFen],
    ['residentPays', p.residentFen],
  ] as const;
  return (
    <Row gutter={[8, 2]} style={{ marginBottom: 8 }}>
      {parts.map(([key, fen]) => (
        <Col span={12} key={key}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t(`contract.${key}`)} {yuan(fen)}
          </Typography.Text>
        </Col>
      ))}
    </Row>
  );
}

function PackageCard({ p, checked, fits, onToggle }: { p: PackageView; checked: boolean; fits: boolean; onToggle: () => void }) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      hoverable={fits}
      onClick={fits ? onToggle : undefined}
      data-testid="package-card"
      data-code={p.code}
      data-fits={fits}
      style={{
        height: '100%',
        cursor: fits ? 'pointer' : 'not-allowed',
        opacity: fits ? 1 : 0.6,
        background: fits ? undefined : '#fafafa',
        borderColor: checked ? '#1668dc' : undefined,
        boxShadow: checked ? '0 0 0 1px #1668dc' : undefined,
      }}
      title={
        <Checkbox checked={checked} disabled={!fits} style={{ fontWeight: 600 }} onClick={(e) => e.stopPropagation()} onChange={onToggle}>
          {p.name}
        </Checkbox>
      }
      extra={
        <Typography.Text strong style={{ color: fits ? '#cf1322' : undefined }}>
          {yuan(p.priceFen)}
        </Typography.Text>
      }
    >
      <FeeSplit p={p} />
      <ul style={{ margin: '0 0 8px', paddingInlineStart: 18 }}>
        {p.items.map((i) => (
          <li key={i.id}>
            {i.name} <Typography.Text type="secondary">{t('contract.perYear', { times: i.timesPerYear })}</Typography.Text>
          </li>
        ))}
      </ul>
      {fits ? (
        <Tag color={p.population === 'general' ? 'blue' : 'green'}>{p.population === 'general' ? t('contract.fitsAll') : t(`contract.populations.${p.population}`)}</Tag>
      ) : (
        <Tag icon={<LockOutlined />} data-testid="package-not-fit">
          {t('contract.notFit', { population: t(`contract.populations.${p.population}`) })}
        </Tag>
      )}
    </Card>
  );
}

interface Props {
  packages: readonly PackageView[];
  /** The resident's key populations: a key-population package fits only its own population. */
  tags: readonly KeyPopulationTag[];
  value?: string[];
  onChange?: (ids: string[]) => void;
}

/** 菜单式签约服务包 as cards: price and split in yuan, items × times a year; misfits greyed out with why. */
export function PackagePicker({ packages, tags, value = [], onChange }: Props) {
  const { t } = useTranslation();
  const sorted = [...packages].sort((a, b) => Number(packageFits(b.population, tags)) - Number(packageFits(a.population, tags)) || Number(b.population === 'general') - Number(a.population === 'general'));
  const chosen = packages.filter((p) => value.includes(p.id));
  const total = chosen.reduce((a, p) => a + p.priceFen, 0);
  const residentPays = chosen.reduce((a, p) => a + p.residentFen, 0);
  return (
    <>
      <Row gutter={[12, 12]} data-testid="package-picker">
        {sorted.map((p) => (
          <Col key={p.id} xs={24} md={12} xxl={8}>
            <PackageCard
              p={p}
              fits={packageFits(p.population, tags)}
              checked={value.includes(p.id)}
              onToggle={() => onChange?.(value.includes(p.id) ? value.filter((id) => id !== p.id) : [...value, p.id])}
            />
          </Col>
        ))}
      </Row>
      <Flex justify="flex-end" style={{ marginTop: 12 }}>
        <Typography.Text strong data-testid="package-total">
          {t('contract.total', { price: yuan(total), resident: yuan(residentPays) })}
        </Typography.Text>
      </Flex>
    </>
  );
}
