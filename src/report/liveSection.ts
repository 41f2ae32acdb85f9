import { formatDuration } from '../engine/train/progress.js';
import { escapeHtml as esc } from './escapeHtml.js';
import type { SuiteStatus } from '../claims/runner/suiteFiles.js';
import type { LiveStatus, OpenClaim } from './liveStatus.js';

const fmt = (v: number) => v.toFixed(3);
const stageText = (c: OpenClaim) => `stage ${c.stage} of ${c.stages} (${c.seedsPerArm} seeds per arm)`;
const powerText = (c: OpenClaim) => (Number.isFinite(c.conditionalPower) ? c.conditionalPower.toFixed(2) : '—');
const effectText = (c: OpenClaim) => `${c.effect.name} ${fmt(c.effect.value)} [${fmt(c.effect.ci.lower)}, ${fmt(c.effect.ci.upper)}]`;

/** The suite's estimate: runs trained, and the most runs and time the claims not decided could still take. */
function estimate(suite: SuiteStatus): string {
  const per = suite.secondsPerRun;
  const time = per === undefined ? '' : `, at most ${formatDuration(suite.atMostRuns * per)} at the ${per.toFixed(1)} s a run measured so far`;
  const outside = suite.unplannedFiles > 0 ? ` (${suite.unplannedFiles} file${suite.unplannedFiles === 1 ? '' : 's'} of claim maps outside this estimate)` : '';
  return ` Of ${suite.claims} planned claims ${suite.decided} are decided; ${suite.trainedRuns} runs trained so far, and the claims not decided need at most ${suite.atMostRuns} more${time}${outside}.`;
}

/** The live report's head line: how far the suite is. */
function headline(live: LiveStatus): string {
  const waiting = live.waiting.length > 0 ? ` No stage finished yet: ${live.waiting.join(', ')}.` : '';
  return `The suite is running: ${live.decided} claim${live.decided === 1 ? '' : 's'} decided, ${live.open.length} open after a stage, ${formatDuration(live.elapsedSeconds)} so far; this page is rewritten after every stage, and the final report replaces it when the suite ends.${live.suite ? estimate(live.suite) : ''}${waiting}`;
}

/** The live report's section in HTML: the head line and the open claims with their interim effects (not verdicts yet). */
export function liveHtml(live: LiveStatus): string {
  const rows = live.open
    .map(
      (c) =>
        `<tr><td>${esc(c.id)}</td><td>${esc(c.title)}</td><td>${esc(stageText(c))}</td><td>${esc(c.metric)}</td><td>${esc(effectText(c))}</td><td>${esc(powerText(c))}</td><td>${esc(c.at)}</td></tr>`,
    )
    .join('');
  const table =
    live.open.length > 0
      ? `<table><tr><th>claim</th><th>title</th><th>where</th><th>reading</th><th>interim effect [95% CI]</th><th>conditional power at min.</th><th>at</th></tr>${rows}</table>`
      : '';
  return `<section class="live"><h2>Running</h2><p>${esc(headline(live))}</p>${table}</section>`;
}

/** The same in Markdown, for summary.md. */
export function liveMarkdown(live: LiveStatus): string[] {
  const rows = live.open.map((c) => `| ${c.id} | ${stageText(c)} | ${c.metric} | ${effectText(c)} | ${powerText(c)} | ${c.at} |`);
  return [
    '## Running',
    '',
    headline(live),
    ...(rows.length > 0
      ? ['', '| open claim | where | reading | interim effect [95% CI] | conditional power at min. | at |', '|---|---|---|---|---|---|', ...rows]
      : []),
    '',
  ];
}
