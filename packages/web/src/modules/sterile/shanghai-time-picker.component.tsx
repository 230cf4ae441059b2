import { DatePicker } from 'antd';
import dayjs from 'dayjs';
import { fromShanghaiWallClock, shanghaiWallClock } from '../../shared/i18n/format.ts';

const WALL = 'YYYY-MM-DDTHH:mm';

interface Props {
  /** The instant, ISO 8601. */
  value?: string;
  onChange?: (iso: string | undefined) => void;
  'data-testid'?: string;
}

/**
 * A past date and time read in Asia/Shanghai whatever the browser's zone (the steriliser's printout
 * is in Shanghai time): the picker holds the Shanghai wall clock and gives the instant with +08:00.
 * Like diagnostics' SchedulePicker without its booking window; no 此刻 button (the browser's clock).
 */
export function ShanghaiTimePicker({ value, onChange, 'data-testid': testId }: Props) {
  return (
    <DatePicker
      style={{ width: '100%' }}
      showTime={{ format: 'HH:mm' }}
      format="YYYY-MM-DD HH:mm"
      showNow={false}
      needConfirm={false}
      value={value ? dayjs(shanghaiWallClock(value)) : null}
      onChange={(d) => onChange?.(d ? (fromShanghaiWallClock(d.format(WALL)) ?? undefined) : undefined)}
      data-testid={testId}
    />
  );
}
