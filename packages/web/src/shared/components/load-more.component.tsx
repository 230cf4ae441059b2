import { Button, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

interface Props {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
  count?: number;
}

/** Cursor pagination footer: "加载更多" while the server has a next cursor. */
export function LoadMore({ hasNextPage, isFetchingNextPage, fetchNextPage, count }: Props) {
  const { t } = useTranslation();
  return (
    <div style={{ textAlign: 'center', marginTop: 16 }}>
      {hasNextPage ? (
        <Button onClick={() => void fetchNextPage()} loading={isFetchingNextPage} data-testid="load-more">
          {t('action.loadMore')}
        </Button>
      ) : (
        count !== undefined && count > 0 && <Typography.Text type="secondary">{t('action.noMore')}</Typography.Text>
      )}
    </div>
  );
}
