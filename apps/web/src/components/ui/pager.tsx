import { useT } from '../../i18n/i18n';

interface PagerProps {
  offset: number;
  limit: number;
  total: number;
  onChange: (offset: number) => void;
}

export function Pager({ offset, limit, total, onChange }: PagerProps) {
  const t = useT();
  const pages = Math.max(1, Math.ceil(total / limit));
  const page = Math.floor(offset / limit) + 1;
  return (
    <div className="pager" data-testid="pager">
      <button type="button" disabled={offset <= 0} onClick={() => onChange(Math.max(0, offset - limit))}>
        ‹ {t('common.prev')}
      </button>
      <span>{t('common.page', { page, pages })}</span>
      <button type="button" disabled={offset + limit >= total} onClick={() => onChange(offset + limit)}>
        {t('common.next')} ›
      </button>
    </div>
  );
}
