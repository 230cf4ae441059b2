import type { ReactNode } from 'react';
import { Flex, Segmented, Typography } from 'antd';
import { useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../shared/auth/auth-context.tsx';

type Section = 'overview' | 'batches' | 'requests' | 'packs';

const PATHS: Record<Section, string> = { overview: '/sterile', batches: '/sterile/batches', requests: '/sterile/requests', packs: '/sterile/packs' };

/** The section a path is in (`/sterile/batches/…` → batches). */
function sectionOf(pathname: string): Section {
  return (['batches', 'requests', 'packs'] as const).find((s) => pathname.startsWith(PATHS[s])) ?? 'overview';
}

/**
 * The module's one menu entry opens 消毒供应; its pages are reached from here: 概览 · 灭菌批次 (the
 * centre's work: sterile.process) · 申领 · 灭菌包追溯. The page's title and buttons sit beside it.
 */
export function SterileHeader({ title, extra }: { title: ReactNode; extra?: ReactNode }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const sections: Section[] = can('sterile.process') ? ['overview', 'batches', 'requests', 'packs'] : ['overview', 'requests', 'packs'];
  return (
    <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 12 }}>
      <Flex align="center" wrap gap={16}>
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="sterile-title">
          {title}
        </Typography.Title>
        <Segmented<Section>
          value={sectionOf(pathname)}
          onChange={(s) => void navigate(PATHS[s])}
          options={sections.map((s) => ({ value: s, label: t(`sterile.sections.${s}`) }))}
          data-testid="sterile-nav"
        />
      </Flex>
      {extra}
    </Flex>
  );
}
