import { useId, useRef, type KeyboardEvent, type ReactNode } from 'react'

/**
 * One group of the main navigation as a disclosure (the WAI-ARIA "disclosure navigation" pattern,
 * not role="menu": the entries stay ordinary links). The button says whether the list is open
 * (`aria-expanded`); Escape closes it and gives focus back to the button; the arrow keys open it
 * and move between its links, Home and End jump to the first and the last.
 */
export function NavGroup({
  label,
  current,
  open,
  onOpenChange,
  children,
}: {
  label: ReactNode
  /** The page shown belongs to this group. */
  current: boolean
  open: boolean
  onOpenChange: (open: boolean) => void
  /** The `<li>` entries, each with one link. */
  children: ReactNode
}) {
  const listId = useId()
  const buttonRef = useRef<HTMLButtonElement>(null)
  const listRef = useRef<HTMLUListElement>(null)

  const links = () => Array.from(listRef.current?.querySelectorAll<HTMLAnchorElement>('a') ?? [])
  // the list is rendered hidden until open: focus its links once React has shown it
  const openAndFocus = (which: 'first' | 'last') => {
    onOpenChange(true)
    requestAnimationFrame(() => {
      const all = links()
      all[which === 'first' ? 0 : all.length - 1]?.focus()
    })
  }
  const closeToButton = () => {
    onOpenChange(false)
    buttonRef.current?.focus()
  }

  const onButtonKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault()
      openAndFocus('first')
    } else if (event.key === 'ArrowUp') {
      event.preventDefault()
      openAndFocus('last')
    } else if (event.key === 'Escape' && open) {
      event.preventDefault()
      onOpenChange(false)
    }
  }

  const onListKeyDown = (event: KeyboardEvent) => {
    const all = links()
    const index = all.indexOf(document.activeElement as HTMLAnchorElement)
    const focus = (next: number) => {
      event.preventDefault()
      all[(next + all.length) % all.length]?.focus()
    }
    if (event.key === 'Escape') {
      event.preventDefault()
      closeToButton()
    } else if (event.key === 'ArrowDown') focus(index + 1)
    else if (event.key === 'ArrowUp') focus(index - 1)
    else if (event.key === 'Home') focus(0)
    else if (event.key === 'End') focus(all.length - 1)
  }

  return (
    <li
      className="nav-group"
      onBlur={(event) => {
        // Tab (or a click) out of the group closes it
        if (open && !event.currentTarget.contains(event.relatedTarget as Node | null)) {
          onOpenChange(false)
        }
      }}
    >
      <button
        ref={buttonRef}
        type="button"
        className={current ? 'nav-group-button active' : 'nav-group-button'}
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => onOpenChange(!open)}
        onKeyDown={onButtonKeyDown}
      >
        {label}
        <span className="nav-group-chevron" aria-hidden="true">
          ▾
        </span>
      </button>
      <ul
        id={listId}
        ref={listRef}
        className="nav-group-list"
        hidden={!open}
        onKeyDown={onListKeyDown}
      >
        {children}
      </ul>
    </li>
  )
}
