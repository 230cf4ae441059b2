import { useEffect, useRef, useState } from 'react';
import { Form, Input, type InputRef } from 'antd';
import { ScanOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { checkPackBarcode } from './pack-barcode.ts';

interface Props {
  /** The barcode shown now (from the address), put back in the box; key the component by it. */
  current: string | null;
  /** A checked barcode to look up. */
  onScan: (barcode: string) => void;
}

/**
 * 扫码: a scanner types the code and presses Enter. The code is checked here (shape, check digit,
 * date: parsePackBarcode) and a misread is said beside the box before anything is asked of the
 * server; the box keeps the focus and selects its text, ready for the next pack.
 */
export function BarcodeScan({ current, onScan }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState(current ?? '');
  const [error, setError] = useState<string | null>(null);
  const input = useRef<InputRef>(null);

  // Keyed by the barcode shown (PacksPage): each pack opened starts the box afresh, its text selected.
  useEffect(() => {
    input.current?.focus({ cursor: 'all' });
  }, []);

  function submit(value: string) {
    const checked = checkPackBarcode(value);
    if (!checked.ok) {
      setError(checked.reason === 'empty' ? t('sterile.scanEmpty') : checked.message);
      input.current?.focus({ cursor: 'all' });
      return;
    }
    setError(null);
    setText(checked.barcode);
    onScan(checked.barcode);
  }

  return (
    <Form.Item validateStatus={error ? 'error' : undefined} help={error ?? t('sterile.scanHint')} style={{ marginBottom: 0 }}>
      <Input.Search
        ref={input}
        autoFocus
        size="large"
        allowClear
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          if (error) setError(null);
        }}
        onSearch={(v, _e, info) => {
          if (info?.source !== 'clear') submit(v);
        }}
        enterButton={t('sterile.trace')}
        prefix={<ScanOutlined />}
        placeholder={t('sterile.scanPlaceholder')}
        maxLength={40}
        spellCheck={false}
        autoComplete="off"
        style={{ maxWidth: 520, fontFamily: 'monospace' }}
        data-testid="barcode-input"
      />
    </Form.Item>
  );
}
