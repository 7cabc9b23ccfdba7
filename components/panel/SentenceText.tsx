/** A sentence with its figure marked; text nodes only (page text is never HTML). */
export function SentenceText({ sentence, figure }: { sentence: string; figure: string }) {
  const at = figure ? sentence.indexOf(figure) : -1;
  return (
    <p class="panel-sentence" data-testid="sentence">
      {at < 0 ? (
        sentence
      ) : (
        <>
          {sentence.slice(0, at)}
          <mark>{figure}</mark>
          {sentence.slice(at + figure.length)}
        </>
      )}
    </p>
  );
}
