"""The negotiation table's help: what a player reads with `?` at the table."""

TABLE_HELP = """\
# The negotiation table

**Your draft package** is on the left: one option per issue. ↑/↓ choose an issue, ←/→ change
its option (below the agenda: the option's name in full, whom it binds, its chapter section). Issues
left at *status quo* change nothing. `s` changes whom your draft binds: everyone at the table
or you and one partner (at a table of two, every package binds both); a **✗** marks an option
that binds a country outside it, which that draft cannot be tabled with. When a partner tables a
package it is copied into your draft so you see what it is worth to you; `u` brings your own
draft back (in a hot seat a team's draft is not kept between its turns), `v` copies the
package on the table again, `x` resets the draft; `i` shows the selected option in full (what
it addresses, costs, tags, the instrument it is modelled on).

**The panel** on the right (keys 1-5):
1. *Score*: what your draft is worth to you (0 = the worst package on this agenda for you,
   100 = the best) against what you need (your reservation value, what you have without a
   deal, plus, for a draft binding everyone, a premium when your leader's attention to the
   partnership is elsewhere), whether your groups at home back it (*backed at home*, a forecast:
   see Moves below), and every line of the breakdown with its chapter section.
2. *Partners*: your forecast of each partner's reaction, by the rule the partner itself uses:
   it accepts only what crosses none of its red lines, has enough support at home and is worth
   at least what it holds out for now. You see what the draft is worth to it and what it holds
   out for as ranges, the wider the less you trust it; red lines are public, so they always
   show. "Likely yes" means every part of the rule is met even at the edges of your ranges.
   A partner's support at home shows only if you trust it at least 50; below that it says
   "can't tell", and the verdict is at best *uncertain*. A computer partner does not reward a
   partner that never moves: if you have tabled one package only, twice or more, and accepted
   nothing, and it believes that package gives you nearly all you hope for while you could
   give it clearly more, it holds firm for half of what it hopes for above its need ("you
   have not moved").
3. *Home*: your domestic groups' approval, now and after the draft.
4. *Trust*: each pair of countries' trust, with Wendt's labels. A relationship becomes
   *cooperative* only after three levels of transformation: breakdown of consensus, critical
   examination, new practices. The chapter names the levels but not what moves a country
   through them; in this game (a design choice) a joint threat assessment made by both partners
   may bring the first (if they trust each other enough: see the action window's help), a
   confidence-building measure the second, and a deal signed and backed at home together the
   third.
5. *Log*: every move, reply (with its reasons) and event; `l` opens it full screen.

PgUp/PgDn scroll the panel when it says there is more.

**Moves** (one per turn): `t` table your draft (when the table is empty; otherwise `c`
counters) · `a` accept the package on the table · `r` reject it · `c` counter it with your
draft · `p` pass. A refusal (`r`, or `c` of a package that binds you) tells every country why,
as a computer's does: the red lines the package crosses, the support at home it lacks, or its
worth to you against what you need, with both numbers. Before your move you may take one
diplomatic action per round with `d`. A package everyone in its scope accepts then needs enough
support from each government's groups at home; if it falls short, the table learns which group
blocked it. Once opposition has mobilised (groups have lost approval since the start), support
can turn out a few points above or below what the Score panel forecasts, so a package backed by
a narrow margin can still fail. (The chapter describes opposition at home, not votes: this
weighted test of support is a design choice.)

The status line gives the round's date; a **\\*** after it marks a date the scenario author
chose, not one the chapter gives.

`b` briefing · Ctrl+S save · `?` help · `q` quit.
"""
