/**
 * The content each template puts in a new document, per language, and the Yjs update that
 * carries it. The update is appended to the document's log as its first entry, attributed to
 * the person who created the document, so the content is there on first open and its
 * authorship is on the record like any other edit.
 */
import * as Y from 'yjs';
import type { Language, TemplateId } from '../../../shared/src/index';
import { CONTENT_FIELD } from '../content/documentState';
import type { DocNode } from '../content/tree';
import { writeNodes } from '../content/yxml';
import { careTrajectory } from './careTrajectory';
import type { TemplateContext } from './context';
import { lifeProject } from './lifeProject';
import { serviceRedesign } from './serviceRedesign';
import { structuringDocument } from './structuringDocument';
import { workshopRecord } from './workshopRecord';

export type { TemplateContext } from './context';

const BUILDERS: Record<TemplateId, (language: Language, context: TemplateContext) => DocNode[]> = {
  blank: () => [],
  'care-trajectory': careTrajectory,
  'life-project': lifeProject,
  'service-redesign': serviceRedesign,
  'structuring-document': structuringDocument,
  'workshop-record': workshopRecord,
};

export function templateContent(id: TemplateId, language: Language, context: TemplateContext): DocNode[] {
  return BUILDERS[id](language, context);
}

export interface TemplateUpdate {
  update: Uint8Array;
  /** The Yjs client id the content is written under; bound to the creator with the update. */
  clientId: number;
}

/** The template's content as one Yjs update, or null when the template is empty. */
export function templateUpdate(id: TemplateId, language: Language, context: TemplateContext): TemplateUpdate | null {
  const content = templateContent(id, language, context);
  if (content.length === 0) return null;
  const doc = new Y.Doc();
  try {
    writeNodes(doc.getXmlFragment(CONTENT_FIELD), content);
    return { update: Y.encodeStateAsUpdate(doc), clientId: doc.clientID };
  } finally {
    doc.destroy();
  }
}
