"""Shell completion: the scripts for bash and zsh, and what a name or code completes to.

Typer's own scripts leave names with spaces unquoted in bash and let zsh keep only the
candidates that start with what was typed; these scripts ask ``ofsted`` for candidates in
bash's protocol (one per line) and let each shell quote them, keeping candidates that match
any part of a name ("hul" offers Kingston upon Hull and Solihull).  Fish uses Typer's script,
and fish quotes and matches by itself.
"""

from __future__ import annotations

import os

BASH = r"""
_ofsted_completion() {
    local IFS=$'\n'
    local -a found
    found=( $( env COMP_WORDS="${COMP_WORDS[*]}" COMP_CWORD=$COMP_CWORD \
               _OFSTED_COMPLETE=complete_bash "$1" 2>/dev/null ) )
    # Quote names with spaces (Kingston upon Hull) as bash quotes file names.
    compopt -o filenames 2>/dev/null
    COMPREPLY=( "${found[@]}" )
    return 0
}
complete -o default -F _ofsted_completion ofsted
"""

ZSH = r"""
#compdef ofsted

_ofsted_completion() {
  local -a found
  found=( "${(@f)$(env COMP_WORDS="${(j: :)${(@)words[1,$CURRENT]}}" \
      COMP_CWORD=$(( CURRENT - 1 )) _OFSTED_COMPLETE=complete_bash ofsted 2>/dev/null)}" )
  if (( ${#found} )) && [[ -n "${found[1]}" ]]; then
    # -U: keep candidates that match any part of what was typed; zsh quotes spaces.
    compadd -U -- "${found[@]}"
  else
    _files
  fi
}

if (( $+functions[compdef] )); then
  compdef _ofsted_completion ofsted
fi
"""

SHELLS = ("bash", "zsh", "fish")


def script(shell: str | None) -> str:
    """The completion script for ``shell`` (default: the user's $SHELL)."""
    from ofstedcli.errors import UsageError

    name = (shell or os.path.basename(os.environ.get("SHELL", "")) or "bash").lower()
    if name == "bash":
        return BASH.strip() + "\n"
    if name == "zsh":
        return ZSH.strip() + "\n"
    if name == "fish":
        from typer._completion_shared import get_completion_script

        return (
            get_completion_script(prog_name="ofsted", complete_var="_OFSTED_COMPLETE", shell="fish")
            + "\n"
        )
    raise UsageError(f"--show-completion must be one of {', '.join(SHELLS)}, not {shell!r}")


def install(shell: str | None) -> str:
    """Write the script where the shell reads it at start-up; return what was done."""
    from pathlib import Path

    name = (shell or os.path.basename(os.environ.get("SHELL", "")) or "bash").lower()
    text = script(name)
    home = Path.home()
    if name == "fish":
        target = home / ".config" / "fish" / "completions" / "ofsted.fish"
        rc = None
    else:
        target = home / f".{name}_completions" / "ofsted.sh"
        rc = home / f".{name}rc"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    line = f"source {target}"
    if rc is not None and line not in (rc.read_text(encoding="utf-8") if rc.exists() else ""):
        with rc.open("a", encoding="utf-8") as handle:
            handle.write(f"\n{line}\n")
    where = f" and {rc} sources it" if rc is not None else ""
    return f"{name} completion written to {target}{where}; it works in new shells"


def authority_names(rows: list[tuple[str, str, str | None, str]], typed: str) -> list[str]:
    """Authority names for what was typed: a code, the start of a word, or any part.

    ``rows`` are (ons_code, name, dfe_code, status).  Case and punctuation are ignored;
    names starting with it come first; former authorities only when no current one has the
    same name.
    """
    from ofstedcli.names import fold

    text = typed.strip().strip("'\"")
    key, code = fold(text), text.upper()
    current = {name for _, name, _, status in rows if status == "current"}
    first: list[str] = []
    then: list[str] = []
    for ons, name, dfe, status in rows:
        if status != "current" and name in current:
            continue
        folded = fold(name)
        if (
            (code and (ons.startswith(code) or dfe == code))
            or folded.startswith(key)
            or any(w.startswith(key) for w in folded.split())
        ):
            first.append(name)
        elif key and key in folded.replace(" ", ""):
            then.append(name)
    return list(dict.fromkeys(first + then))


class Candidate(str):
    """A completion that Typer keeps although it does not start with what was typed.

    Typer drops every candidate for which ``value.startswith(incomplete)`` is false, which
    would undo matching in any case and from any part of a name; the shell shows and quotes
    the candidate as the plain string it is.
    """

    __slots__ = ()

    def startswith(self, *_: object) -> bool:
        """Always kept: the matching was done on purpose before."""
        return True


def keep(values: list[str]) -> list[str]:
    """The candidates, each kept by Typer whatever was typed."""
    return [Candidate(v) for v in values]
