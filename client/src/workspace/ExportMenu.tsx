/**
 * "Export" in the document's top bar: a disclosure button that shows the export links. Markdown
 * and FHIR download a file; the print view (HTML) opens in a new tab, ready for the browser's
 * "Print" or "Save as PDF". FHIR is offered for care trajectories only (the server refuses others).
 * Plain links, so the session cookie goes along and the browser handles the file.
 */
import { useDisclosure } from '../ui/useDisclosure';
import type { DocumentInfo } from '../../../shared/src/index';
import { api } from '../api';
import { useI18n } from '../i18n/I18nProvider';
import './exportMenu.css';

export function ExportMenu({ document: doc }: { document: Pick<DocumentInfo, 'id' | 'template'> }) {
  const { t, language } = useI18n();
  const { listId, open, setOpen, root, button, onKeyDown } = useDisclosure();
  const close = () => setOpen(false);

  return (
    <div className="export-menu" ref={root} onKeyDown={onKeyDown}>
      <button
        ref={button}
        type="button"
        className="button button--quiet export-menu__button"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen((value) => !value)}
      >
        {t('export.menu')}
        <span aria-hidden="true" className="export-menu__chevron">
          ▾
        </span>
      </button>
      <ul id={listId} className="menu-popover export-menu__list" aria-label={t('export.menuLabel')} hidden={!open}>
        <li>
          <a href={api.exportUrl(doc.id, 'markdown', language)} download onClick={close}>
            {t('export.markdown')}
          </a>
        </li>
        <li>
          <a href={api.exportUrl(doc.id, 'html', language)} target="_blank" rel="noopener" onClick={close}>
            {t('export.html')}
          </a>
        </li>
        {doc.template === 'care-trajectory' && (
          <li>
            <a href={api.exportUrl(doc.id, 'fhir', language)} download onClick={close}>
              {t('export.fhir')}
            </a>
          </li>
        )}
      </ul>
    </div>
  );
}
