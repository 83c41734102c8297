import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runRedocly } from '../../scripts/generate/redocly.mjs';
import { copySpec, repoRoot, type SpecCopy } from './support/spec-copy.js';

// Each of our lint conventions must really fire: break the spec on a temporary copy in one
// place and expect `redocly lint` to fail with the named rule.
interface Breakage {
  readonly rule: string;
  readonly file: string;
  readonly search: string;
  readonly replacement: string;
}

const breakages: readonly Breakage[] = [
  {
    rule: 'no-invalid-media-type-examples',
    file: 'openapi/components/examples/Teams.yaml',
    search: '      teamId: 7\n',
    replacement: "      teamId: 'seven'\n",
  },
  {
    rule: 'no-invalid-media-type-examples',
    file: 'openapi/components/examples/UserForm.yaml',
    search: '  reportFormat: json\n',
    replacement: '  reportFormat: xml\n',
  },
  {
    rule: 'no-invalid-schema-examples',
    file: 'openapi/components/schemas/StartTime.yaml',
    search: '  - 1711929600000\n',
    replacement: '  - -1\n',
  },
  {
    rule: 'array-parameter-serialization',
    file: 'openapi/components/parameters/priorities.yaml',
    search: 'explode: false\n',
    replacement: '',
  },
  {
    rule: 'rule/encoding-style-explode',
    file: 'openapi/components/requestBodies/UserReportForm.yaml',
    search: '      agentId:\n        style: form\n',
    replacement: '      agentId:\n',
  },
  {
    rule: 'rule/form-body-encoding',
    file: 'openapi/components/requestBodies/ConversationActionsForm.yaml',
    search: '    encoding:\n',
    replacement: '    x-encoding:\n',
  },
  {
    rule: 'rule/success-response-example',
    file: 'openapi/components/responses/Teams.yaml',
    search: '    examples:\n',
    replacement: '    x-examples:\n',
  },
  {
    rule: 'rule/error-response-example',
    file: 'openapi/components/responses/Forbidden.yaml',
    search: '    examples:\n',
    replacement: '    x-examples:\n',
  },
  {
    rule: 'rule/request-body-example',
    file: 'openapi/components/requestBodies/UserReportForm.yaml',
    search: '    examples:\n',
    replacement: '    x-examples:\n',
  },
  {
    rule: 'rule/text-plain-is-json',
    file: 'openapi/components/responses/ReportStarted.yaml',
    search: '      contentSchema:\n',
    replacement: '      x-content-schema:\n',
  },
  {
    rule: 'rule/text-plain-media-type',
    file: 'openapi/components/responses/ReportStarted.yaml',
    search: '      contentMediaType: application/json\n',
    replacement: '      contentMediaType: text/csv\n',
  },
  {
    rule: 'rule/operation-error-responses',
    file: 'openapi/paths/teams.yaml',
    search: '    "429":\n      $ref: ../components/responses/TooManyRequests.yaml\n',
    replacement: '',
  },
  {
    rule: 'rule/operation-success-response',
    file: 'openapi/paths/report-download.yaml',
    search: '    "307":\n',
    replacement: '    "308":\n',
  },
  {
    rule: 'rule/operation-id-camel-case',
    file: 'openapi/paths/teams.yaml',
    search: 'operationId: listTeams\n',
    replacement: 'operationId: list_teams\n',
  },
  {
    rule: 'rule/operation-tagged',
    file: 'openapi/paths/teams.yaml',
    search: '  tags:\n    - Reference data\n',
    replacement: '',
  },
  {
    rule: 'rule/schema-described',
    file: 'openapi/components/schemas/SmartViewId.yaml',
    search: 'description: >-\n',
    replacement: 'x-note: >-\n',
  },
];

describe('redocly lint', { timeout: 60_000 }, () => {
  it('reports no errors and no warnings on openapi/', () => {
    const { ok, output } = runRedocly(repoRoot, ['lint', '--format', 'stylish']);
    expect(output).not.toMatch(/warning/i);
    expect(ok).toBe(true);
  });

  describe.each(breakages)('$rule', (breakage) => {
    let copy: SpecCopy;
    beforeAll(() => {
      copy = copySpec();
      copy.edit(breakage.file, breakage.search, breakage.replacement);
    });
    afterAll(() => copy.remove());

    it(`fails when ${breakage.file} breaks it`, () => {
      const { ok, output } = runRedocly(copy.dir, ['lint', '--format', 'stylish']);
      expect(output).toContain(breakage.rule);
      expect(ok).toBe(false);
    });
  });
});
