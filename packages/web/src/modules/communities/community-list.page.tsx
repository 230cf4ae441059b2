import { Card, Col, Row, Statistic, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { CommunityView } from '@yigong/contracts';
import { useCommunities } from '../../shared/community/community.resource.ts';
import { useCommunitySelection } from '../../shared/community/community-context.tsx';
import { QueryState } from '../../shared/components/query-state.component.tsx';

/** 医共体: one card per community the user can see. */
export default function CommunityListPage() {
  const { t } = useTranslation();
  const query = useCommunities();
  const { setCommunityId } = useCommunitySelection();
  const navigate = useNavigate();

  function open(c: CommunityView) {
    setCommunityId(c.id);
    void navigate('/organizations');
  }

  return (
    <>
      <Typography.Title level={4}>{t('communities.title')}</Typography.Title>
      <QueryState query={query}>
        {(items) => (
          <Row gutter={[16, 16]}>
            {items.map((c) => (
              <Col key={c.id} xs={24} md={12} xl={8}>
                <Card hoverable onClick={() => open(c)} data-testid="community-card" title={c.name} extra={<Tag color={c.kind === 'county_community' ? 'green' : 'blue'}>{t(`communityKind.${c.kind}`)}</Tag>}>
                  <Typography.Paragraph type="secondary">
                    {t('communities.region')}：{c.regionName ?? c.regionCode}
                  </Typography.Paragraph>
                  <Row gutter={16}>
                    <Col span={12}>
                      <Statistic title={t('communities.orgCount')} value={c.organizationCount} />
                    </Col>
                    <Col span={12}>
                      <Statistic title={t('communities.residentCount')} value={c.residentCount} />
                    </Col>
                  </Row>
                </Card>
              </Col>
            ))}
          </Row>
        )}
      </QueryState>
    </>
  );
}
