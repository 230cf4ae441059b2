/**
 * Style sheet of the A4 referral slip. On screen the sheet sits on a grey desk; in print the app's
 * chrome (sidebar, header, breadcrumb, toolbar) is hidden and the sheet fills the page.
 */
export const PRINT_CSS = `
.referral-print-sheet {
  width: 210mm; min-height: 297mm; margin: 0 auto; padding: 14mm 16mm; box-sizing: border-box;
  background: #fff; color: #000; box-shadow: 0 1px 8px rgba(0,0,0,.18);
  font-family: "SimSun", "Songti SC", "Noto Serif CJK SC", "Noto Sans CJK SC", serif; font-size: 13px; line-height: 1.6;
}
.referral-print-sheet .mono { font-family: "Courier New", monospace; }
.slip-head { position: relative; text-align: center; margin-bottom: 10px; }
.slip-community { font-size: 15px; letter-spacing: 2px; }
.slip-head h1 { font-size: 24px; letter-spacing: 6px; margin: 2px 0 0; font-weight: 700; }
.slip-head h1 small { font-size: 14px; letter-spacing: 0; font-weight: 400; margin-left: 4px; }
.slip-no { position: absolute; right: 0; bottom: 2px; font-size: 12px; }
.slip-code { display: flex; align-items: center; justify-content: space-between; gap: 16px; border: 2px solid #000; padding: 6px 14px; margin-bottom: 10px; }
.slip-code-label { font-size: 12px; }
.slip-code-value { font-family: "Courier New", monospace; font-size: 38px; font-weight: 700; letter-spacing: 10px; line-height: 1.1; }
.slip-code-hint { font-size: 12px; max-width: 50%; text-align: right; }
.slip-table { width: 100%; border-collapse: collapse; table-layout: fixed; }
.slip-table th, .slip-table td { border: 1px solid #000; padding: 5px 8px; vertical-align: top; text-align: left; word-break: break-all; }
.slip-table th { background: #f2f2f2; font-weight: 600; word-break: keep-all; }
.slip-text { white-space: pre-wrap; min-height: 40px; }
.slip-sign { display: flex; justify-content: space-between; gap: 12px; margin-top: 18px; }
.slip-line { display: inline-block; min-width: 120px; border-bottom: 1px solid #000; padding: 0 6px; }
.slip-section { font-size: 16px; margin: 20px 0 8px; letter-spacing: 2px; }
.slip-foot { margin-top: 16px; font-size: 11px; color: #555; text-align: right; }
@media print {
  @page { size: A4; margin: 0; }
  html, body { background: #fff !important; }
  .ant-layout-sider, .ant-layout-header, .ant-breadcrumb, .no-print { display: none !important; }
  .ant-layout, .ant-layout-content { background: #fff !important; padding: 0 !important; margin: 0 !important; min-height: 0 !important; }
  .ant-layout-content > div { padding: 0 !important; border-radius: 0 !important; min-height: 0 !important; }
  .referral-print-sheet { box-shadow: none; margin: 0; }
}
`;
