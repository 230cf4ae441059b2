import { Alert, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReleasePreview as Preview } from './cycle-record.ts';

/**
 * 放行预判: what the server will decide, computed while the operator types with the domain's own
 * releaseDecision — still incomplete, a value the record refuses, released, held (with why), or a
 * failed biological indicator that will recall.
 */
export function ReleasePreview({ preview }: { preview: Preview }) {
  const { t } = useTranslation();
  switch (preview.kind) {
    case 'incomplete':
      return (
        <Alert
          type="info"
          showIcon
          title={t('sterile.previewIncomplete')}
          description={preview.missing.map((f) => t(`sterile.fields.${f}`)).join('、')}
          data-testid="release-preview"
        />
      );
    case 'invalid':
      return <Alert type="error" showIcon title={t('sterile.previewInvalid')} description={preview.message} data-testid="release-preview" />;
    case 'decision':
      if (preview.release) return <Alert type="success" showIcon title={t('sterile.previewRelease')} description={t('sterile.previewReleaseText')} data-testid="release-preview" />;
      return (
        <Alert
          type={preview.recallRequired ? 'error' : 'warning'}
          showIcon
          title={t(preview.recallRequired ? 'sterile.previewRecall' : 'sterile.previewHeld')}
          description={
            <>
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {preview.reasons.map((r) => (
                  <li key={r}>{r}</li>
                ))}
              </ul>
              {preview.recallRequired && <Typography.Text type="danger">{t('sterile.previewRecallText')}</Typography.Text>}
            </>
          }
          data-testid="release-preview"
        />
      );
  }
}
