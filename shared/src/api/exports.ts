/** Query strings of `GET /api/templates` and `GET /api/documents/:id/export` (docs/api.md). */
import { z } from 'zod';
import { LANGUAGES } from './auth';

export const EXPORT_FORMATS = ['markdown', 'html', 'fhir'] as const;
export const ExportFormatSchema = z.enum(EXPORT_FORMATS, { error: `format must be one of: ${EXPORT_FORMATS.join(', ')}.` });
export type ExportFormat = z.infer<typeof ExportFormatSchema>;

const StrictLangSchema = z.enum(LANGUAGES, { error: `lang must be one of: ${LANGUAGES.join(', ')}.` }).optional();

/** `lang` picks the language of titles and labels; without it, the caller's language, else English. */
export const TemplateListQuerySchema = z.object({ lang: StrictLangSchema });
export type TemplateListQuery = z.infer<typeof TemplateListQuerySchema>;

export const ExportQuerySchema = z.object({
  format: ExportFormatSchema.default('markdown'),
  lang: StrictLangSchema,
});
export type ExportQuery = z.infer<typeof ExportQuerySchema>;

