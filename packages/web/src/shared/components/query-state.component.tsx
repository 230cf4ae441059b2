import type { ReactNode } from 'react';
import { Button, Empty, Result, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import type { UseQueryResult } from '@tanstack/react-query';
import { ApiError } from '../api/api-client.ts';

/** "Nothing here yet" (OpenMRS EmptyState). */
export function EmptyState({ description, action }: { description?: ReactNode; action?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={description ?? t('state.empty')} data-testid="empty-state">
      {action}
    </Empty>
  );
}

/** A human sentence for an error, by status and code. */
export function useErrorText(): (error: unknown) => string {
  const { t } = useTranslation();
  return (error: unknown) => {
    if (error instanceof ApiError) {
      if (error.code === 'NETWORK_ERROR') return t('state.networkError');
      const known = t(`error.${error.code}`, { defaultValue: '' });
      if (error.status === 403) return `${known || t('state.forbidden')}${error.message ? `（${error.message}）` : ''}`;
      if (error.status === 404) return t('state.notFound');
      return error.message || known || t('state.error');
    }
    return error instanceof Error ? error.message : t('state.error');
  };
}

/** Loading failed, with the reason and a retry (OpenMRS ErrorState). */
export function ErrorState({ error, onRetry, compact }: { error: unknown; onRetry?: () => void; compact?: boolean }) {
  const { t } = useTranslation();
  const text = useErrorText()(error);
  const status = error instanceof ApiError && error.status === 403 ? '403' : error instanceof ApiError && error.status === 404 ? '404' : 'error';
  return (
    <Result
      data-testid="error-state"
      status={compact ? 'warning' : status}
      title={t('state.error')}
      subTitle={text}
      style={compact ? { padding: 16 } : undefined}
      extra={onRetry ? <Button onClick={onRetry}>{t('state.retry')}</Button> : undefined}
    />
  );
}

export function LoadingState() {
  const { t } = useTranslation();
  return (
    <div style={{ padding: 48, textAlign: 'center' }} data-testid="loading-state">
      <Spin description={t('state.loading')} />
    </div>
  );
}

interface QueryStateProps<T> {
  query: Pick<UseQueryResult<T>, 'data' | 'error' | 'isPending' | 'isError' | 'refetch'>;
  /** Decides "empty"; by default an array with no items or an `{items: []}` page. */
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
  children: (data: T) => ReactNode;
}

function defaultIsEmpty(data: unknown): boolean {
  if (Array.isArray(data)) return data.length === 0;
  if (data && typeof data === 'object' && 'items' in data && Array.isArray((data as { items: unknown }).items)) {
    return (data as { items: unknown[] }).items.length === 0;
  }
  return data === null || data === undefined;
}

/** Renders one of the four states of a data widget: loading, error, empty, data. */
export function QueryState<T>({ query, isEmpty = defaultIsEmpty, empty, children }: QueryStateProps<T>) {
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const data = query.data as T;
  if (isEmpty(data)) return <>{empty ?? <EmptyState />}</>;
  return <>{children(data)}</>;
}
