/**
 * The content extensions of the document editor, without collaboration carets or undo: an
 * earlier version must render with the same schema (y-tiptap drops any element the schema
 * cannot build). Keep in step with editor/CollaborativeEditor.tsx.
 */
import type { Extensions } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { NEGOTIATED_GOAL_EXTENSIONS } from '../../editor/goal/goalNodes';

export function versionExtensions(): Extensions {
  return [StarterKit.configure({ undoRedo: false, heading: { levels: [2, 3] } }), ...NEGOTIATED_GOAL_EXTENSIONS];
}
