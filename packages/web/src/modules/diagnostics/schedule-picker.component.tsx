import { DatePicker } from 'antd';
import dayjs from 'dayjs';
import { fromShanghaiWallClock, shanghaiWallClock } from '../../shared/i18n/format.ts';
import { dayOutside, disabledHours, disabledMinutes, type ScheduleWindow } from './schedule-window.ts';

const WALL = 'YYYY-MM-DDTHH:mm';
const STEP = 5;

interface Props {
  /** The chosen instant, ISO 8601 with +08:00. */
  value?: string;
  onChange?: (iso: string | undefined) => void;
  window: ScheduleWindow;
  'data-testid'?: string;
}

/**
 * A date and time in Asia/Shanghai whatever the browser's zone: the picker holds the Shanghai
 * wall-clock time (a browser in New York shows 14:00 for a session at 14:00 in Shanghai) and gives
 * the instant with its offset. No 此刻 button: it would take the browser's own clock time.
 */
export function SchedulePicker({ value, onChange, window: w, 'data-testid': testId }: Props) {
  const picked = value ? dayjs(shanghaiWallClock(value)) : null;
  // The next full hour in Shanghai: where the picker opens, and the time a chosen day starts with.
  const next = dayjs(w.after).add(1, 'hour').startOf('hour');
  return (
    <DatePicker
      style={{ width: '100%' }}
      showTime={{ format: 'HH:mm', minuteStep: STEP, hideDisabledOptions: true, defaultOpenValue: next }}
      format="YYYY-MM-DD HH:mm"
      showNow={false}
      needConfirm={false}
      value={picked}
      defaultPickerValue={next}
      disabledDate={(d) => dayOutside(d.format('YYYY-MM-DD'), w)}
      disabledTime={(d) => {
        const day = (d ?? dayjs(w.after)).format('YYYY-MM-DD');
        return { disabledHours: () => disabledHours(day, w, STEP), disabledMinutes: (h: number) => disabledMinutes(day, h, w) };
      }}
      onChange={(d) => onChange?.(d ? (fromShanghaiWallClock(d.format(WALL)) ?? undefined) : undefined)}
      data-testid={testId}
    />
  );
}
