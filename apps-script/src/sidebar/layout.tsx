import type { ComponentChildren } from 'preact';

/** The frame every sidebar page sits in: a title and a column of cards. */
export function SidebarPage(props: { title: string; subtitle?: string; children: ComponentChildren }) {
  return (
    <main class="sidebar">
      <header>
        <h1>{props.title}</h1>
        {props.subtitle && <p class="muted">{props.subtitle}</p>}
      </header>
      {props.children}
    </main>
  );
}

/** An error the user can read, announced to screen readers. */
export function ErrorNote(props: { message: string | null }) {
  return props.message ? (
    <p class="error" role="alert">
      {props.message}
    </p>
  ) : null;
}
