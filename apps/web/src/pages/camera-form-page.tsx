import { useEffect, useState, type FormEvent } from 'react';
import { camerasApi } from '../api/endpoints';
import type { Camera } from '../api/types';
import { canEditCameras } from '../auth/permissions';
import { Alert, ErrorAlert } from '../components/ui/alert';
import { StatusBadge } from '../components/ui/status-badge';
import { useUser } from '../hooks/use-auth';
import { navigate } from '../hooks/use-hash-route';
import { useSubmit } from '../hooks/use-submit';
import { useUnits } from '../hooks/use-units';
import { useT } from '../i18n/i18n';
import { CameraFormFields } from '../views/camera-form';
import { CameraLivePanel } from '../components/video/camera-live-panel';
import { buildBody, emptyForm, FORM_FIELDS, formFromCamera, type CameraFormState } from '../views/camera-form-state';

/** `#/cameras/new` (id null) and `#/cameras/:id`. */
export function CameraFormPage({ id }: { id: string | null }) {
  const t = useT();
  const user = useUser();
  const canEdit = canEditCameras(user.role);
  const units = useUnits();
  const [camera, setCamera] = useState<Camera>();
  const [loadError, setLoadError] = useState<unknown>();
  const [form, setForm] = useState<CameraFormState>(() => emptyForm(user.unitId ?? ''));
  // Errors without a visible field (or conflicts/permissions) go to the top of the form.
  const { busy, errors, error: formError, setErrors, run } = useSubmit(FORM_FIELDS);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    if (!id) return;
    let live = true;
    camerasApi.get(id).then(
      (c) => {
        if (!live) return;
        setCamera(c);
        setForm(formFromCamera(c));
      },
      (err: unknown) => live && setLoadError(err),
    );
    return () => {
      live = false;
    };
  }, [id]);

  // A new camera defaults to the user's unit, or the first visible one.
  useEffect(() => {
    if (!id && !form.unitId && units.ordered.length) setForm((f) => ({ ...f, unitId: units.ordered[0]!.unit.id }));
  }, [id, form.unitId, units.ordered]);

  // Bring the first field the server (or the client check) refused into view.
  useEffect(() => {
    if (Object.keys(errors).length) document.querySelector('.field--error')?.scrollIntoView({ block: 'center' });
  }, [errors]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setSaved(false);
    const { body, errors: clientErrors } = buildBody(form, t('camera.invalidNumber'));
    setErrors(clientErrors);
    if (!body) return;
    await run(async () => {
      if (id) {
        const updated = await camerasApi.update(id, body);
        setCamera(updated);
        setForm(formFromCamera(updated));
        setSaved(true);
      } else {
        await camerasApi.create(body);
        navigate('/cameras');
      }
    });
  }

  if (loadError) {
    return (
      <section className="page page--narrow" data-testid="camera-form-page">
        <ErrorAlert error={loadError} />
        <a href="#/cameras" className="button">‹ {t('common.back')}</a>
      </section>
    );
  }
  if (id && !camera) return <div className="muted">{t('common.loading')}</div>;

  const title = !id ? t('camera.newTitle') : canEdit ? t('camera.editTitle') : t('camera.viewTitle');
  return (
    <section className="page page--form" data-testid="camera-form-page">
      <div className="page__head">
        <h1>
          {title}
          {camera && <span className="page__title-extra">{camera.name} <StatusBadge status={camera.status} /></span>}
        </h1>
      </div>
      {camera && <CameraLivePanel camera={{ id: camera.id, name: camera.name, unitName: camera.unitName }} />}
      {camera && (user.role === 'admin' || user.role === 'operator') && <p><a href={`#/rules/${encodeURIComponent(camera.id)}`} className="button" data-testid="camera-rules-link">{t('nav.rules')}</a></p>}
      <form className="card form" onSubmit={submit} data-testid="camera-form" noValidate>
        {saved && <Alert kind="success" testId="camera-saved">{t('common.saved')}</Alert>}
        <ErrorAlert error={formError} testId="camera-form-error" />
        <CameraFormFields
          value={form}
          onChange={(patch) => setForm((f) => ({ ...f, ...patch }))}
          errors={errors}
          units={units.ordered}
          hasCredentials={camera?.hasCredentials ?? false}
          readOnly={!canEdit}
        />
        <div className="form__actions">
          <a href="#/cameras" className="button" data-testid="camera-cancel">{t('common.cancel')}</a>
          {canEdit && (
            <button type="submit" className="button--primary" disabled={busy} data-testid="camera-save">
              {t('common.save')}
            </button>
          )}
        </div>
      </form>
    </section>
  );
}
