/** A vertical scroll bar for a ranked bar chart of `count` units when more than `shown` would crowd it. */
export function rankedBarZoom(count: number, shown: number) {
  return count > shown ? [
    { type: 'slider' as const, yAxisIndex: 0, startValue: 0, endValue: shown - 1, width: 14, right: 4, showDetail: false, brushSelect: false },
    { type: 'inside' as const, yAxisIndex: 0, zoomOnMouseWheel: false, moveOnMouseWheel: true },
  ] : [];
}
