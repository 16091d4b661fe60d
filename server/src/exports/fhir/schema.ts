/**
 * The subset of FHIR R4 (4.0.1) that Ensemble emits, as strict zod schemas written from the
 * specification (hl7.org/fhir/R4): Bundle, CarePlan, Goal, CareTeam, Provenance and the data
 * types they use. Strict objects: emitting a field the schema does not know is a bug caught by
 * the tests and by the check run on every export. Cardinalities and required fields follow R4.
 * The one extension used is core R4's `targetElement`, on Provenance.target, to say which
 * CarePlan activity a Provenance is about.
 */
import { z } from 'zod';

/** FHIR `string`: not empty, not only whitespace. */
const FhirString = z.string().regex(/\S/, 'FHIR strings must have content.');
const FhirDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
/** `dateTime` with a time and zone, and `instant` (which requires both). */
const FhirInstant = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/);
const FhirUri = z.string().regex(/^\S+$/);
export const UrnUuid = z.string().regex(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);

export const CodingSchema = z.object({ system: FhirUri.optional(), code: FhirString.optional(), display: FhirString.optional() }).strict();
export const CodeableConceptSchema = z.object({ coding: z.array(CodingSchema).min(1).optional(), text: FhirString.optional() }).strict();
/** A reference inside the bundle (`urn:uuid:`), or display-only for people who have no resource here. */
export const ReferenceSchema = z
  .object({ reference: UrnUuid.optional(), display: FhirString.optional() })
  .strict()
  .refine((r) => r.reference !== undefined || r.display !== undefined, 'A reference needs a reference or a display.');
export const AnnotationSchema = z.object({ text: FhirString }).strict();
/** `Element.id`: what an element inside a resource (a CarePlan activity) is called. */
export const ElementId = z.string().regex(/^[A-Za-z0-9\-.]{1,64}$/);
export const TARGET_ELEMENT_URL = 'http://hl7.org/fhir/StructureDefinition/targetElement';
/**
 * A Provenance target: a reference inside the bundle, optionally narrowed to one element of the
 * target (R4 core extension `targetElement`, whose valueUri is the element's id).
 */
export const ProvenanceTargetSchema = z
  .object({
    extension: z.array(z.object({ url: z.literal(TARGET_ELEMENT_URL), valueUri: ElementId }).strict()).min(1).optional(),
    reference: UrnUuid,
  })
  .strict();

/** CarePlan.activity.detail.status (R4 value set care-plan-activity-status, required binding). */
export const CARE_PLAN_ACTIVITY_STATUSES = ['not-started', 'scheduled', 'in-progress', 'on-hold', 'completed', 'cancelled', 'stopped', 'unknown', 'entered-in-error'] as const;

export const CarePlanActivitySchema = z
  .object({
    id: ElementId.optional(),
    detail: z
      .object({
        goal: z.array(ReferenceSchema).min(1).optional(),
        status: z.enum(CARE_PLAN_ACTIVITY_STATUSES),
        scheduledString: FhirString.optional(),
        performer: z.array(ReferenceSchema).min(1).optional(),
        description: FhirString.optional(),
      })
      .strict(),
  })
  .strict();

export const GoalSchema = z
  .object({
    resourceType: z.literal('Goal'),
    lifecycleStatus: z.enum(['proposed', 'planned', 'accepted', 'active', 'on-hold', 'completed', 'cancelled', 'entered-in-error', 'rejected']),
    achievementStatus: CodeableConceptSchema.optional(),
    description: CodeableConceptSchema,
    subject: ReferenceSchema,
    target: z.array(z.object({ dueDate: FhirDate }).strict()).min(1).optional(),
    expressedBy: ReferenceSchema.optional(),
    note: z.array(AnnotationSchema).min(1).optional(),
  })
  .strict();

export const CarePlanSchema = z
  .object({
    resourceType: z.literal('CarePlan'),
    status: z.enum(['draft', 'active', 'on-hold', 'revoked', 'completed', 'entered-in-error', 'unknown']),
    intent: z.enum(['proposal', 'plan', 'order', 'option']),
    title: FhirString.optional(),
    description: FhirString.optional(),
    subject: ReferenceSchema,
    created: FhirInstant.optional(),
    contributor: z.array(ReferenceSchema).min(1).optional(),
    careTeam: z.array(ReferenceSchema).min(1).optional(),
    goal: z.array(ReferenceSchema).min(1).optional(),
    activity: z.array(CarePlanActivitySchema).min(1).optional(),
  })
  .strict();

export const CareTeamSchema = z
  .object({
    resourceType: z.literal('CareTeam'),
    status: z.enum(['proposed', 'active', 'suspended', 'inactive', 'entered-in-error']).optional(),
    name: FhirString.optional(),
    subject: ReferenceSchema.optional(),
    participant: z.array(z.object({ role: z.array(CodeableConceptSchema).min(1).optional(), member: ReferenceSchema.optional() }).strict()).min(1).optional(),
  })
  .strict();

export const ProvenanceSchema = z
  .object({
    resourceType: z.literal('Provenance'),
    target: z.array(ProvenanceTargetSchema).min(1),
    recorded: FhirInstant,
    agent: z.array(z.object({ type: CodeableConceptSchema.optional(), who: ReferenceSchema }).strict()).min(1),
  })
  .strict();

export const ResourceSchema = z.discriminatedUnion('resourceType', [CarePlanSchema, GoalSchema, CareTeamSchema, ProvenanceSchema]);

export const BundleSchema = z
  .object({
    resourceType: z.literal('Bundle'),
    type: z.literal('collection'),
    timestamp: FhirInstant,
    entry: z.array(z.object({ fullUrl: UrnUuid, resource: ResourceSchema }).strict()).min(1),
  })
  .strict();

export type FhirBundle = z.infer<typeof BundleSchema>;
export type FhirResource = z.infer<typeof ResourceSchema>;
export type FhirReference = z.infer<typeof ReferenceSchema>;
export type FhirGoal = z.infer<typeof GoalSchema>;
export type FhirCarePlan = z.infer<typeof CarePlanSchema>;
export type FhirCarePlanActivity = z.infer<typeof CarePlanActivitySchema>;
export type FhirCareTeam = z.infer<typeof CareTeamSchema>;
export type FhirProvenance = z.infer<typeof ProvenanceSchema>;

/** Every `urn:uuid:` reference that does not point at an entry of the bundle. */
export function unresolvedReferences(bundle: FhirBundle): string[] {
  const fullUrls = new Set(bundle.entry.map((e) => e.fullUrl));
  const missing: string[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) {
        if (key === 'reference' && typeof inner === 'string' && !fullUrls.has(inner)) missing.push(inner);
        else visit(inner);
      }
    }
  };
  bundle.entry.forEach((e) => visit(e.resource));
  return missing;
}
