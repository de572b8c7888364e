/**
 * SARIF 2.1.0 output for GitHub code scanning.
 *
 * One run. `tool.driver.rules` lists every rule enabled for the run, with
 * `shortDescription` from `meta.docs.description`, `helpUri` from
 * `meta.docs.url` and `defaultConfiguration.level` from the configured
 * severity. Each rule message becomes a `result` with `ruleId`, `ruleIndex`,
 * `level` (error/warning), `message.text` and one physical location whose
 * `artifactLocation.uri` is relative to the working directory (forward
 * slashes, percent-encoded, `uriBaseId: "%SRCROOT%"`). Messages that do not
 * come from a rule (parse errors are fatal messages with `ruleId: null`) are
 * reported as `invocations[0].toolExecutionNotifications` instead, because a
 * result must name a rule for code scanning.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ESLint, Linter } from 'eslint';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

export interface SarifRuleInfo {
  /** Full id, `http-semantics/<rule>`. */
  id: string;
  description: string | undefined;
  url: string | undefined;
  severity: 'error' | 'warning';
}

export interface SarifToolInfo {
  name: string;
  version: string;
  informationUri: string;
}

type Level = 'error' | 'warning';

interface SarifRegion {
  startLine: number;
  startColumn: number;
  endLine?: number;
  endColumn?: number;
}

interface SarifLocation {
  physicalLocation: {
    artifactLocation: { uri: string; uriBaseId?: string };
    region?: SarifRegion;
  };
}

export interface SarifLog {
  $schema: string;
  version: '2.1.0';
  runs: [
    {
      tool: {
        driver: SarifToolInfo & {
          rules: {
            id: string;
            shortDescription?: { text: string };
            helpUri?: string;
            defaultConfiguration: { level: Level };
          }[];
        };
      };
      originalUriBaseIds: { '%SRCROOT%': { uri: string } };
      columnKind: 'utf16CodeUnits';
      artifacts: { location: { uri: string; uriBaseId?: string } }[];
      results: {
        ruleId: string;
        ruleIndex: number;
        level: Level;
        message: { text: string };
        locations: SarifLocation[];
      }[];
      invocations: [
        {
          executionSuccessful: true;
          toolExecutionNotifications: {
            level: Level;
            message: { text: string };
            locations: SarifLocation[];
          }[];
        },
      ];
    },
  ];
}

/** Relative, forward-slash, percent-encoded URI of `filePath` from `cwd`. */
export function artifactLocation(filePath: string, cwd: string): { uri: string; uriBaseId?: string } {
  const relative = path.relative(cwd, filePath);
  if (relative.startsWith('..') || path.isAbsolute(relative)) {
    return { uri: pathToFileURL(filePath).href };
  }
  const uri = relative
    .split(path.sep)
    .map((segment) => encodeURIComponent(segment))
    .join('/');
  return { uri, uriBaseId: '%SRCROOT%' };
}

function region(message: Linter.LintMessage): SarifRegion | undefined {
  if (!(message.line > 0)) return undefined;
  const out: SarifRegion = { startLine: message.line, startColumn: Math.max(1, message.column) };
  if (message.endLine !== undefined && message.endLine > 0) {
    out.endLine = message.endLine;
    if (message.endColumn !== undefined) out.endColumn = message.endColumn;
  }
  return out;
}

function level(message: Linter.LintMessage): Level {
  return message.severity === 2 || message.fatal ? 'error' : 'warning';
}

export function toSarif(
  results: readonly ESLint.LintResult[],
  options: { cwd: string; tool: SarifToolInfo; rules: readonly SarifRuleInfo[] },
): SarifLog {
  const ruleIndex = new Map<string, number>();
  const driverRules = options.rules.map((rule, index) => {
    ruleIndex.set(rule.id, index);
    return {
      id: rule.id,
      ...(rule.description ? { shortDescription: { text: rule.description } } : {}),
      ...(rule.url ? { helpUri: rule.url } : {}),
      defaultConfiguration: { level: rule.severity },
    };
  });

  const artifacts: SarifLog['runs'][0]['artifacts'] = [];
  const sarifResults: SarifLog['runs'][0]['results'] = [];
  const notifications: SarifLog['runs'][0]['invocations'][0]['toolExecutionNotifications'] = [];

  for (const result of results) {
    const artifact = artifactLocation(result.filePath, options.cwd);
    if (result.messages.length > 0) artifacts.push({ location: artifact });
    for (const message of result.messages) {
      const reg = region(message);
      const location: SarifLocation = {
        physicalLocation: { artifactLocation: artifact, ...(reg ? { region: reg } : {}) },
      };
      const index = message.ruleId === null ? undefined : ruleIndex.get(message.ruleId);
      if (message.ruleId === null || index === undefined) {
        const prefix = message.ruleId ? `${message.ruleId}: ` : '';
        notifications.push({
          level: level(message),
          message: { text: `${prefix}${message.message}` },
          locations: [location],
        });
        continue;
      }
      sarifResults.push({
        ruleId: message.ruleId,
        ruleIndex: index,
        level: level(message),
        message: { text: message.message },
        locations: [location],
      });
    }
  }

  const srcRoot = pathToFileURL(options.cwd).href;
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { ...options.tool, rules: driverRules } },
        originalUriBaseIds: { '%SRCROOT%': { uri: srcRoot.endsWith('/') ? srcRoot : `${srcRoot}/` } },
        columnKind: 'utf16CodeUnits',
        artifacts,
        results: sarifResults,
        invocations: [{ executionSuccessful: true, toolExecutionNotifications: notifications }],
      },
    ],
  };
}
