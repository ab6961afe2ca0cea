import { Type } from 'typebox';
import { analyzeRequestForAgent } from './app/analyze-request';
import { autoDispatchAccuracy } from './app/auto-dispatch';
import { clusterRecentOrders } from './app/cluster-recent-orders';
import { getIntakeSettings, updateIntakeSettings } from './app/intake-settings';
import type { IntakeRuntime } from './app/intake-runtime';
import { activateModelVersion, listModelVersions } from './app/model-versions';
import { trainIntakeModel } from './app/train-intake-model';
import type { AppContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { hasRole } from '../../platform/roles';
import { requireActor, type App } from '../../platform/http/app';
import { ErrorBody } from '../../platform/http/schemas';

const Nullable = <T extends ReturnType<typeof Type.String> | ReturnType<typeof Type.Number>>(t: T) => Type.Union([t, Type.Null()]);
const Loose = Type.Object({}, { additionalProperties: true });
const Score = Type.Number({ minimum: 0, maximum: 1 });
const Offset = Type.Integer({ minimum: 0 });
const Span = Type.Object({ text: Type.String(), start: Offset });
const ScoredCategory = Type.Object({ code: Type.String(), name: Type.String(), level: Type.Integer(), score: Score });

const AnalyzeBody = Type.Object(
  {
    title: Type.Optional(Type.String({ maxLength: 200 })),
    content: Type.String({ minLength: 1, maxLength: 10000 }),
    address: Type.Optional(Type.String({ maxLength: 500 })),
    callerPhone: Type.Optional(Type.String({ maxLength: 30, description: 'The caller number, to find their other recent orders' })),
  },
  { additionalProperties: false },
);

const Analysis = Type.Object({
  modelVersion: Type.Integer(),
  categories: Type.Array(Type.Object({ ...ScoredCategory.properties, path: Type.Array(Type.Object({ code: Type.String(), name: Type.String() })) }), {
    description: 'Top 3 leaf categories with their parents',
  }),
  categoryLevels: Type.Object({ level1: Type.Array(ScoredCategory), level2: Type.Array(ScoredCategory), level3: Type.Array(ScoredCategory) }),
  units: Type.Array(Type.Object({ unitId: Type.String(), name: Type.String(), kind: Type.String(), score: Score })),
  division: Type.Object({
    provinceCode: Nullable(Type.String()),
    provinceName: Nullable(Type.String()),
    cityCode: Nullable(Type.String()),
    cityName: Nullable(Type.String()),
    areaCode: Nullable(Type.String()),
    areaName: Nullable(Type.String()),
    streetCode: Nullable(Type.String()),
    streetName: Nullable(Type.String()),
    confidence: Score,
    evidence: Type.Array(Type.Object({ text: Type.String(), start: Offset, level: Type.Union([Type.Literal('province'), Type.Literal('city'), Type.Literal('area'), Type.Literal('street')]), code: Type.String() })),
  }),
  responsibleUnits: Type.Array(Type.Object({ unitId: Type.String(), name: Type.String(), kind: Type.String() })),
  entities: Type.Object({
    phones: Type.Array(Type.Object({ value: Type.String(), kind: Type.Union([Type.Literal('mobile'), Type.Literal('landline'), Type.Literal('service')]), start: Offset })),
    idNumbers: Type.Array(Type.Object({ masked: Type.String({ description: 'First 4 and last 4 digits kept; the full number is never returned' }), valid: Type.Boolean(), start: Offset })),
    addresses: Type.Array(Span),
    businesses: Type.Array(Span),
    dates: Type.Array(Type.Object({ text: Type.String(), start: Offset, date: Type.String({ description: 'YYYY-MM-DD, Asia/Shanghai' }), time: Nullable(Type.String({ description: 'HH:MM' })) })),
  }, { description: 'Offsets are UTF-16 code units in the request content' }),
  similar: Type.Array(
    Type.Object({ ticketId: Type.String(), number: Type.String(), status: Type.String(), title: Type.String(), score: Score, reasons: Type.Array(
      Type.Union([Type.Literal('near_identical_text'), Type.Literal('similar_text'), Type.Literal('same_caller'), Type.Literal('same_street'), Type.Literal('same_area')]),
    ) }),
  ),
});

const ModelVersion = Type.Object({
  id: Type.String(),
  version: Type.Integer(),
  createdAt: Type.String(),
  createdBy: Nullable(Type.String({ description: 'A user id, or "system" (the demo model, scheduled retraining)' })),
  createdByName: Nullable(Type.String({ description: 'Display name of createdBy ("系统" for the system), for roles that may not list users' })),
  source: Type.String(),
  trainedOn: Type.Integer(),
  metrics: Loose,
  active: Type.Boolean(),
  archivedAt: Nullable(Type.String({ description: 'When the weights were removed (only the newest INTAKE_MODELS_KEPT versions keep them); an archived version cannot be activated' })),
});

const Settings = Type.Object({
  autoDispatchEnabled: Type.Boolean(),
  autoDispatchThreshold: Type.Number(),
  retrainIntervalHours: Type.Integer(),
  updatedAt: Nullable(Type.String()),
  updatedBy: Nullable(Type.String({ description: 'The user id of who last changed the settings' })),
  updatedByName: Nullable(Type.String({ description: 'Display name of updatedBy, for roles that may not list users' })),
});

const Accuracy = Type.Object({
  total: Type.Integer(),
  returned: Type.Integer(),
  accuracy: Nullable(Type.Number()),
  byModelVersion: Type.Array(
    Type.Object({ modelVersion: Type.Integer(), total: Type.Integer(), returned: Type.Integer(), accuracy: Type.Number(), meanScore: Type.Number() }),
  ),
  since: Nullable(Type.String()),
});

/** Smart intake (issue 5): the agent's assistant, model versions, automatic dispatch settings and accuracy. */
export function intakeRoutes(intake: IntakeRuntime) {
  return (app: App, ctx: AppContext) => {
    const E = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody };

    app.post(
      '/assist/analyze',
      {
        schema: {
          tags: ['intake'],
          summary: '智能辅助: category and unit suggestions, place, entities and similar orders for a request being registered',
          body: AnalyzeBody,
          response: { 200: Analysis, ...E, 409: ErrorBody },
        },
      },
      async (request) => analyzeRequestForAgent(ctx, intake, requireActor(request), request.body),
    );

    app.get(
      '/assist/clusters',
      {
        schema: {
          tags: ['intake'],
          summary: 'Open orders of the last days grouped by event (many reports of one problem), largest first',
          querystring: Type.Object(
            {
              days: Type.Optional(Type.Integer({ minimum: 1, maximum: 90 })),
              minSize: Type.Optional(Type.Integer({ minimum: 2, maximum: 100 })),
              limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
            },
            { additionalProperties: false },
          ),
          response: {
            200: Type.Object({
              items: Type.Array(
                Type.Object({
                  size: Type.Integer(),
                  cohesion: Type.Number(),
                  representative: Type.Object({ ticketId: Type.String(), number: Type.String(), title: Type.String() }),
                  tickets: Type.Array(Type.Object({ ticketId: Type.String(), number: Type.String(), title: Type.String(), status: Type.String() })),
                  areaCode: Nullable(Type.String({ description: "The cluster's district (one at most), resolved from its orders' address, title and content" })),
                  areaName: Nullable(Type.String()),
                }),
              ),
            }),
            ...E,
          },
        },
      },
      async (request) => ({
        items: await clusterRecentOrders(ctx, intake, requireActor(request), {
          days: request.query.days ?? 7,
          minSize: request.query.minSize ?? 2,
          limit: request.query.limit ?? 50,
        }),
      }),
    );

    app.get(
      '/assist/auto-dispatch/accuracy',
      {
        schema: {
          tags: ['intake'],
          summary: 'Live accuracy of automatic dispatch (an order returned by the chosen unit is an error)',
          querystring: Type.Object({ since: Type.Optional(Type.String({ format: 'date-time' })) }, { additionalProperties: false }),
          response: { 200: Accuracy, ...E },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        if (!hasRole(actor, 'admin', 'dispatcher', 'supervisor', 'leader')) throw new AppError('AUTH.FORBIDDEN', 'Your role does not see dispatch accuracy');
        return autoDispatchAccuracy(ctx, request.query.since ?? null);
      },
    );

    app.get(
      '/admin/models',
      { schema: { tags: ['intake'], summary: 'Model versions, newest first', response: { 200: Type.Object({ items: Type.Array(ModelVersion) }), ...E } } },
      async (request) => ({ items: await listModelVersions(ctx, requireActor(request)) }),
    );

    app.post(
      '/admin/models/train',
      {
        schema: {
          tags: ['intake'],
          summary: 'Train a new model version from closed orders (and the demo orders when history is short) and activate it',
          description: 'One training at a time on all nodes: while another training runs (scheduled, first-start demo model, another admin) the answer is 409 MODEL.TRAINING_IN_PROGRESS.',
          body: Type.Optional(Type.Object({ includeDemo: Type.Optional(Type.Boolean()) }, { additionalProperties: false })),
          response: { 201: ModelVersion, ...E, 409: ErrorBody, 422: ErrorBody },
        },
      },
      async (request, reply) => {
        const includeDemo = request.body?.includeDemo;
        const version = await trainIntakeModel(ctx, intake, requireActor(request), includeDemo === undefined ? {} : { includeDemo });
        return reply.status(201).send(version);
      },
    );

    app.post(
      '/admin/models/:version/activate',
      {
        schema: {
          tags: ['intake'],
          summary: 'Activate a stored model version (roll back or forward)',
          params: Type.Object({ version: Type.Integer({ minimum: 1 }) }),
          response: { 200: ModelVersion, ...E, 404: ErrorBody },
        },
      },
      async (request) => activateModelVersion(ctx, requireActor(request), request.params.version),
    );

    app.get(
      '/admin/intake/settings',
      { schema: { tags: ['intake'], summary: 'Automatic dispatch and retraining settings', response: { 200: Settings, ...E } } },
      async (request) => getIntakeSettings(ctx, requireActor(request)),
    );

    app.put(
      '/admin/intake/settings',
      {
        schema: {
          tags: ['intake'],
          summary: 'Switch automatic dispatch, set its threshold (calibrated score) and the retraining interval',
          body: Type.Object(
            {
              autoDispatchEnabled: Type.Optional(Type.Boolean()),
              autoDispatchThreshold: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 1 })),
              retrainIntervalHours: Type.Optional(Type.Integer({ minimum: 0, maximum: 8760 })),
            },
            { additionalProperties: false },
          ),
          response: { 200: Settings, ...E },
        },
      },
      async (request) => updateIntakeSettings(ctx, requireActor(request), request.body),
    );
  };
}
