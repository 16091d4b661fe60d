/**
 * What a person may do with a document, and the dialogs that do it; shared by the "Document"
 * menu of the top bar and each row of the workspace's document list. Rights follow the caller's
 * place in the workspace, as on the server: owners and editors rename and archive; owners move,
 * restrict and trash; owners and the person receiving care see who consulted it.
 */
import { useState, type ReactNode } from 'react';
import type { Permission, Role } from '../../../shared/src/index';
import { useI18n } from '../i18n/I18nProvider';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { errorMessage } from '../ui/errorMessage';
import { AccessDialog } from './AccessDialog';
import { AccessLogDialog } from './AccessLogDialog';
import type { MenuAction } from './ActionMenu';
import { lifeApi } from './lifeApi';
import { MoveDialog } from './MoveDialog';
import { RenameDialog } from './RenameDialog';

export interface LifeDocument {
  id: string;
  title: string;
  workspaceId: string;
}

/** The caller's place in the document's workspace. */
export interface Standing {
  permission: Permission;
  role: Role;
}

export type LifeChange =
  | { kind: 'renamed'; title: string }
  | { kind: 'archived' | 'unarchived' | 'trashed' }
  | { kind: 'moved'; workspaceName: string }
  | { kind: 'access'; restricted: boolean };

type OpenDialog = 'rename' | 'move' | 'trash' | 'access' | 'log' | null;

interface Options {
  document: LifeDocument;
  archived: boolean;
  standing: Standing;
  onChanged: (change: LifeChange) => void;
  /** Where focus goes when the dialog closes and its opener has left the page. */
  fallbackFocus?: () => void;
}

export function useDocumentActions({ document: doc, archived, standing, onChanged, fallbackFocus }: Options) {
  const { t } = useI18n();
  const [open, setOpen] = useState<OpenDialog>(null);
  const [alert, setAlert] = useState<string | null>(null);
  const isOwner = standing.permission === 'owner';
  const mayManage = isOwner || standing.permission === 'editor';
  const close = () => setOpen(null);
  const done = (change: LifeChange) => {
    setOpen(null);
    setAlert(null);
    onChanged(change);
  };

  const setArchived = async (next: boolean) => {
    setAlert(null);
    try {
      await lifeApi.updateDocument(doc.id, { archived: next });
      onChanged({ kind: next ? 'archived' : 'unarchived' });
    } catch (error) {
      setAlert(errorMessage(error, t));
    }
  };

  const trash = async (): Promise<string | null> => {
    try {
      await lifeApi.trashDocument(doc.id);
    } catch (error) {
      return errorMessage(error, t);
    }
    done({ kind: 'trashed' });
    return null;
  };

  const actions: MenuAction[] = [];
  const add = (key: string, label: string, onSelect: () => void, danger?: boolean) => actions.push({ key, label, onSelect, danger });
  if (mayManage) {
    add('rename', t('life.action.rename'), () => setOpen('rename'));
    if (archived) add('unarchive', t('life.action.unarchive'), () => void setArchived(false));
    else add('archive', t('life.action.archive'), () => void setArchived(true));
  }
  if (isOwner) add('access', t('life.action.access'), () => setOpen('access'));
  if (isOwner || standing.role === 'person') add('log', t('life.action.log'), () => setOpen('log'));
  if (isOwner) {
    add('move', t('life.action.move'), () => setOpen('move'));
    add('trash', t('life.action.trash'), () => setOpen('trash'), true);
  }

  const common = { document: doc, onClose: close, fallbackFocus };
  let dialog: ReactNode = null;
  if (open === 'rename') dialog = <RenameDialog {...common} onDone={(title) => done({ kind: 'renamed', title })} />;
  if (open === 'move') dialog = <MoveDialog {...common} onDone={(workspaceName) => done({ kind: 'moved', workspaceName })} />;
  if (open === 'access') dialog = <AccessDialog {...common} onDone={(restricted) => done({ kind: 'access', restricted })} />;
  if (open === 'log') dialog = <AccessLogDialog {...common} />;
  if (open === 'trash') {
    dialog = (
      <ConfirmDialog
        title={t('life.trash.confirmTitle', { title: doc.title })}
        confirmLabel={t('life.trash.confirm')}
        onConfirm={trash}
        onCancel={close}
        fallbackFocus={fallbackFocus}
      >
        <p>{t('life.trash.confirmBody')}</p>
      </ConfirmDialog>
    );
  }
  return { actions, dialog, alert };
}
