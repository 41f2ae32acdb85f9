import type { ClaimReport } from '../claims/claimReport.js';

/**
 * The backend a claim's runs were trained on, in words for the reports: the tfjs backend and
 * version and, on `webgpu`, the adapter (device, driver, software or hardware, Dawn's API).
 *
 * @example
 * backendText({ backend: 'wasm', tfjsVersion: '4.22.0' }); // 'backend `wasm` (tfjs 4.22.0)'
 */
export function backendText(report: Pick<ClaimReport, 'backend' | 'adapter' | 'tfjsVersion'>): string {
  const a = report.adapter;
  const adapter =
    a === undefined
      ? ''
      : `; adapter ${[a.vendor, a.architecture, a.device, a.description].filter((s) => s !== '').join(', ')} (${a.software ? 'software: tests only, never results' : 'hardware'}, ${a.api})`;
  return `backend \`${report.backend}\` (tfjs ${report.tfjsVersion}${adapter})`;
}
