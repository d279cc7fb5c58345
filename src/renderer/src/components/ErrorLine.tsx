/** A failed action's message, announced to screen readers (role=alert); nothing when there is none. */
export function ErrorLine({ message }: { message: string | null }) {
  return message ? (
    <p role="alert" className="error">
      {message}
    </p>
  ) : null;
}
