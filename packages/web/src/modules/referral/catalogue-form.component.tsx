import { App, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { CATALOGUE_LEVELS, CATALOGUE_RULES, type CatalogueLevel, type CatalogueRule } from '@yigong/domain';
import { applyFieldErrors } from '../../shared/api/form-errors.ts';
import { useErrorText } from '../../shared/components/query-state.component.tsx';
import { useSaveCatalogueEntry } from './referral.resource.ts';
import type { CatalogueItem } from '@yigong/contracts';

interface Values {
  level: CatalogueLevel;
  codeFrom: string;
  codeTo?: string;
  rule: CatalogueRule;
  note?: string;
}

const ICD = /^[A-Z]\d{2}(\.[0-9X])?$/;

interface Props {
  communityId: string;
  /** The entry being edited; a new entry when null. */
  entry: CatalogueItem | null;
  open: boolean;
  onClose: () => void;
}

/** 新增/编辑 a catalogue entry: level, ICD-10 code or range, rule, note. */
export function CatalogueFormModal({ communityId, entry, open, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<Values>();
  const save = useSaveCatalogueEntry();

  async function onFinish(v: Values) {
    const codeFrom = v.codeFrom.trim().toUpperCase();
    const codeTo = (v.codeTo?.trim() || codeFrom).toUpperCase();
    try {
      await save.mutateAsync({ entry: { communityId, level: v.level, codeFrom, codeTo, rule: v.rule, note: v.note?.trim() || null }, replaces: entry ?? undefined });
      void message.success(t('action.saved'));
      onClose();
    } catch (e) {
      if (!applyFieldErrors(form, e, ['level', 'codeFrom', 'codeTo', 'rule', 'note'])) void message.error(errorText(e));
    }
  }

  const codeRule = { pattern: ICD, transform: (s?: string) => s?.trim().toUpperCase(), message: t('catalogue.codeHint') };
  return (
    <Modal
      open={open}
      title={entry ? t('catalogue.edit') : t('catalogue.add')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: save.isPending }}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={(v) => void onFinish(v)}
        initialValues={entry ? { ...entry, note: entry.note ?? undefined } : { level: 'grassroots', rule: 'may_treat' }}
        data-testid="catalogue-form"
      >
        <Form.Item name="level" label={t('catalogue.level')} rules={[{ required: true }]}>
          <Select options={CATALOGUE_LEVELS.map((l) => ({ value: l, label: t(`catalogue.levels.${l}`) }))} />
        </Form.Item>
        <Form.Item label={t('catalogue.range')} required style={{ marginBottom: 0 }}>
          <Form.Item name="codeFrom" rules={[{ required: true, message: t('catalogue.codeHint') }, codeRule]} style={{ display: 'inline-block', width: 'calc(50% - 12px)' }}>
            <Input placeholder={t('catalogue.codeFrom')} maxLength={5} />
          </Form.Item>
          <span style={{ display: 'inline-block', width: 24, lineHeight: '32px', textAlign: 'center' }}>–</span>
          <Form.Item name="codeTo" rules={[codeRule]} style={{ display: 'inline-block', width: 'calc(50% - 12px)' }}>
            <Input placeholder={t('catalogue.codeTo')} maxLength={5} />
          </Form.Item>
        </Form.Item>
        <Form.Item name="rule" label={t('catalogue.rule')} rules={[{ required: true }]}>
          <Select options={CATALOGUE_RULES.map((r) => ({ value: r, label: t(`referral.rules.${r}`) }))} />
        </Form.Item>
        <Form.Item name="note" label={t('catalogue.note')}>
          <Input.TextArea rows={2} maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
