/** A failure the user must see: what failed and why, until they close it or the next action succeeds. */
export function ErrorBanner({ message, onDismiss }: { message?: string; onDismiss: () => void }) {
  if (!message) return null;
  return (
    <div class="banner banner-error" role="alert" data-testid="error">
      <span class="banner-text">{message}</span>
      <button type="button" class="banner-close" aria-label="关闭提示" onClick={onDismiss}>
        ×
      </button>
    </div>
  );
}
