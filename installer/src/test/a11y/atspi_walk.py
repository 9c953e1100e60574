#!/usr/bin/python3
# Copied from the team's toolchain /work/shared/tools/a11y/atspi_walk.py (see
# shared/notes/accessibility-testing.md); used by walk-client.sh as a CI step.
"""
AT-SPI probe for a Java/Swing app exposed through the ATK wrapper.

Must run with the *system* python (/usr/bin/python3) because pyatspi/gi come from Debian packages
(python3-pyatspi, python3-gi, gir1.2-atspi-2.0).

Sub-commands
  dump                      print the accessible tree of the app (role, name, description, states)
  walk  [--max N] [--key K] [--keys K1,K2,..]
                            press Tab repeatedly, record the object that receives focus after each
                            keystroke (AT-SPI 'object:state-changed:focused' / 'focus:' events) and
                            print what a screen reader would announce; stops when the focus cycle
                            returns to the first stop. Exit code 1 if some stop is unnamed or the
                            cycle never closes (focus trap).
  send TEXT                 focus the composer (by name), type TEXT + Enter and print every AT-SPI
                            event the app emits (text-changed, property-change ...) = what a screen
                            reader could announce for a new message.
Options
  --app NAME                substring of the application (window title) name, default 'Chat'
  --inject xdotool|atspi    how to synthesise keys: xdotool (XTEST) or AT-SPI's
                            Registry.generateKeyboardEvent (also XTEST, via at-spi2-registryd)
  --json FILE               also write the records as JSON lines
"""
import argparse
import json
import subprocess
import sys
import time

import pyatspi
from gi.repository import GLib

STATE_NAMES = {
    pyatspi.STATE_FOCUSABLE: "focusable",
    pyatspi.STATE_FOCUSED: "focused",
    pyatspi.STATE_EDITABLE: "editable",
    pyatspi.STATE_SELECTABLE: "selectable",
    pyatspi.STATE_SELECTED: "selected",
    pyatspi.STATE_ENABLED: "enabled",
    pyatspi.STATE_SENSITIVE: "sensitive",
    pyatspi.STATE_SHOWING: "showing",
    pyatspi.STATE_VISIBLE: "visible",
    pyatspi.STATE_MULTI_LINE: "multi-line",
    pyatspi.STATE_SINGLE_LINE: "single-line",
    pyatspi.STATE_ACTIVE: "active",
    pyatspi.STATE_CHECKED: "checked",
    pyatspi.STATE_IS_DEFAULT: "default",
}


def states_of(acc):
    try:
        ss = acc.getState()
        return [n for s, n in STATE_NAMES.items() if ss.contains(s)]
    except Exception:
        return ["<defunct>"]


def text_of(acc, limit=80):
    try:
        t = acc.queryText()
        s = t.getText(0, -1)
        return s if len(s) <= limit else s[:limit] + "..."
    except NotImplementedError:
        return None
    except Exception:
        return None


def image_desc(acc):
    try:
        return acc.queryImage().imageDescription
    except Exception:
        return None


def labelled_by(acc):
    try:
        for rel in acc.getRelationSet():
            if rel.getRelationType() == pyatspi.RELATION_LABELLED_BY:
                return [rel.getTarget(i).name for i in range(rel.getNTargets())]
    except Exception:
        pass
    return None


def describe(acc):
    """Structured record for one accessible object."""
    rec = {
        "role": acc.getRoleName(),
        "name": acc.name or "",
        "description": acc.description or "",
        "states": states_of(acc),
    }
    txt = text_of(acc)
    if txt is not None:
        rec["text"] = txt
    img = image_desc(acc)
    if img:
        rec["image_description"] = img
    lb = labelled_by(acc)
    if lb:
        rec["labelled_by"] = lb
    if rec["role"] in ("list", "table", "tree", "tree table"):
        # a screen reader announces the current item of a focused list (selection / active descendant)
        try:
            sel = acc.querySelection()
            items = [sel.getSelectedChild(i) for i in range(sel.nSelectedChildren)]
            rec["selected_items"] = [{"role": it.getRoleName(), "name": it.name or ""} for it in items if it]
        except Exception:
            pass
    try:
        rec["index"] = acc.getIndexInParent()
        rec["parent_role"] = acc.parent.getRoleName() if acc.parent else None
        rec["parent_name"] = acc.parent.name if acc.parent else None
    except Exception:
        pass
    return rec


def speech(rec):
    """Rough Orca-like rendering of what gets spoken when the object gains focus."""
    parts = []
    parts.append(rec["name"] if rec["name"] else "<UNNAMED>")
    parts.append(rec["role"])
    if rec.get("description"):
        parts.append(rec["description"])
    st = rec["states"]
    if rec["role"] in ("text", "entry", "password text", "paragraph"):
        if "editable" not in st:
            parts.append("read only")
        parts.append("'" + (rec.get("text") or "").replace("\n", " / ") + "'")
    for it in rec.get("selected_items", []):
        parts.append("current item: '" + (it["name"] or "<UNNAMED>") + "' (" + it["role"] + ")")
    if rec["role"] == "list item":
        if "selected" in st:
            parts.append("selected")
        if rec.get("parent_name") is not None:
            parts.append("in list '" + (rec["parent_name"] or "<UNNAMED>") + "'")
    return ", ".join(parts)


def find_app(name_sub, timeout=15.0):
    deadline = time.time() + timeout
    while time.time() < deadline:
        desktop = pyatspi.Registry.getDesktop(0)
        for app in desktop:
            if app is not None and name_sub in (app.name or ""):
                return app
            # the Java app's own name may be generic; look at its frames too
            try:
                for w in app:
                    if w is not None and name_sub in (w.name or ""):
                        return app
            except Exception:
                pass
        time.sleep(0.3)
    raise SystemExit(f"application matching {name_sub!r} not found on the AT-SPI bus")


def walk_tree(acc, depth=0, out=None, maxdepth=40):
    rec = describe(acc)
    line = "  " * depth + f"[{rec['role']}] name={rec['name']!r}"
    if rec["description"]:
        line += f" desc={rec['description']!r}"
    if "text" in rec:
        line += f" text={rec['text']!r}"
    if "image_description" in rec:
        line += f" image_desc={rec['image_description']!r}"
    if "labelled_by" in rec:
        line += f" labelled_by={rec['labelled_by']!r}"
    line += " states=" + ",".join(rec["states"])
    print(line)
    if out is not None:
        out.append(dict(rec, depth=depth))
    if depth >= maxdepth:
        return
    try:
        n = acc.childCount
    except Exception:
        n = 0
    for i in range(n):
        try:
            ch = acc.getChildAtIndex(i)
        except Exception:
            ch = None
        if ch is not None:
            walk_tree(ch, depth + 1, out, maxdepth)


def find_focused(acc):
    try:
        if acc.getState().contains(pyatspi.STATE_FOCUSED):
            return acc
        for i in range(acc.childCount):
            r = find_focused(acc.getChildAtIndex(i))
            if r is not None:
                return r
    except Exception:
        pass
    return None


def find_by_name(acc, name, role=None):
    try:
        if acc.name == name and (role is None or acc.getRoleName() == role):
            return acc
        for i in range(acc.childCount):
            r = find_by_name(acc.getChildAtIndex(i), name, role)
            if r is not None:
                return r
    except Exception:
        pass
    return None


def window_id(title):
    out = subprocess.run(["xdotool", "search", "--name", title], capture_output=True, text=True).stdout.split()
    return out[0] if out else None


class KeyInjector:
    KEYSYMS = {"Tab": 0xFF09, "Return": 0xFF0D, "ISO_Left_Tab": 0xFE20}

    def __init__(self, how, title):
        self.how = how
        self.title = title

    def key(self, keyname):
        if self.how == "xdotool":
            subprocess.run(["xdotool", "key", "--clearmodifiers", keyname], check=True)
        else:
            pyatspi.Registry.generateKeyboardEvent(self.KEYSYMS[keyname], None, pyatspi.KEY_SYM)

    def type(self, text):
        if self.how == "xdotool":
            subprocess.run(["xdotool", "type", "--delay", "20", text], check=True)
        else:
            pyatspi.Registry.generateKeyboardEvent(0, text, pyatspi.KEY_STRING)


def ident(acc):
    try:
        p = acc.parent
        return (acc.getRoleName(), acc.name, acc.getIndexInParent(), p.getRoleName() if p else None)
    except Exception:
        return None


def cmd_dump(args, app):
    recs = []
    walk_tree(app, out=recs)
    # NB: the ATK wrapper reports STATE_FOCUSABLE for nearly every Swing component (labels, panels:
    # Component.isFocusable() is true by default), so filter by interactive role instead.
    interactive = ("push button", "toggle button", "check box", "radio button", "text", "password text",
                   "entry", "list", "combo box", "spin button", "slider", "table", "tree", "page tab",
                   "menu item", "check menu item", "radio menu item", "menu", "icon")
    focusables = [r for r in recs if "focusable" in r["states"] and r["role"] in interactive
                  and "showing" in r["states"]]
    unnamed = [r for r in focusables if not r["name"] and not r.get("image_description")]
    print()
    print(f"interactive/graphic objects: {len(focusables)}, unnamed: {len(unnamed)}")
    for r in unnamed:
        print(f"  UNNAMED {r['role']} (index {r.get('index')} in {r.get('parent_role')})")
    # list items (JList children) are exposed from the renderer component
    for r in recs:
        if r["role"] == "list item" and not r["name"]:
            print(f"  UNNAMED list item #{r.get('index')}")
    if args.json:
        with open(args.json, "w") as fh:
            for r in recs:
                fh.write(json.dumps(r) + "\n")
    return 1 if unnamed else 0


class FocusRecorder:
    def __init__(self):
        self.events = []   # (time, type, acc)

    def __call__(self, ev):
        if ev.type.startswith("object:state-changed:focused") and not ev.detail1:
            return
        if ev.type.startswith("object:active-descendant-changed"):
            # the newly active child (e.g. JList row after an arrow key) is in any_data
            if ev.any_data is not None:
                self.events.append((time.time(), ev.type, ev.any_data))
            return
        self.events.append((time.time(), ev.type, ev.source))

    def latest_since(self, t0):
        evs = [e for e in self.events if e[0] >= t0]
        return evs[-1] if evs else None


def cmd_walk(args, app):
    injector = KeyInjector(args.inject, args.app)
    rec = FocusRecorder()
    pyatspi.Registry.registerEventListener(rec, "object:state-changed:focused", "focus:",
                                           "object:active-descendant-changed")
    stops = []
    result = {"rc": 0}
    start = find_focused(app)
    first_id = None
    if start is not None:
        r0 = describe(start)
        stops.append(("start", r0))
        first_id = ident(start)
        print(f"00 (initial) {speech(r0)}")
    state = {"step": 0}

    keys = args.keys.split(",") if args.keys else None
    if keys:
        args.max = len(keys)

    def step():
        state["step"] += 1
        n = state["step"]
        t0 = time.time()
        key = keys[n - 1] if keys else args.key
        injector.key(key)

        def collect():
            ev = rec.latest_since(t0)
            if ev is None:
                print(f"{n:02d} {key}: NO FOCUS EVENT (focus did not move or left the app)")
                stops.append((key, None))
                cur = None
            else:
                acc = ev[2]
                # a focused JList reports focus on the list; the item is the active descendant
                r = describe(acc)
                r["event"] = ev[1]
                stops.append((key, r))
                print(f"{n:02d} {key}: {speech(r)}    [{ev[1]}; states={','.join(r['states'])}]")
                cur = ident(acc)
            nonlocal_first = state.get("first", first_id)
            if cur is not None and nonlocal_first is None:
                state["first"] = cur
            elif not keys and cur is not None and cur == nonlocal_first and n > 1:
                print(f"-- focus cycle closed after {n} Tab presses")
                result["closed"] = True
                pyatspi.Registry.stop()
                return False
            if n >= args.max:
                if keys:
                    print(f"-- key sequence done ({n} keys)")
                    result["closed"] = True
                else:
                    print(f"-- stopped after {n} presses without returning to the first stop: possible FOCUS TRAP")
                    result["closed"] = False
                pyatspi.Registry.stop()
                return False
            GLib.timeout_add(10, step)
            return False

        GLib.timeout_add(args.settle_ms, collect)
        return False

    GLib.timeout_add(300, step)
    pyatspi.Registry.start()

    announced = [r for k, r in stops if r is not None]
    unnamed = [r for r in announced if not r["name"] and r["role"] not in ("list",)]
    if unnamed:
        print(f"!! {len(unnamed)} stop(s) announced without a name:")
        for r in unnamed:
            print(f"   {r['role']}")
    if args.json:
        with open(args.json, "w") as fh:
            for k, r in stops:
                fh.write(json.dumps({"key": k, "stop": r}) + "\n")
    if unnamed or not result.get("closed"):
        return 1
    return 0


def cmd_send(args, app):
    injector = KeyInjector(args.inject, args.app)
    events = []

    def on_event(ev):
        try:
            src = ev.source
            events.append((ev.type, src.getRoleName(), src.name, ev.detail1, ev.detail2, str(ev.any_data)[:60]))
        except Exception as e:
            events.append((ev.type, "?", "?", ev.detail1, ev.detail2, repr(e)))

    composer = find_by_name(app, args.composer_name, "text")   # the label has the same name!
    if composer is None:
        raise SystemExit(f"no accessible named {args.composer_name!r}")
    comp = composer.queryComponent()
    ok = comp.grabFocus()     # AT-SPI Component.grabFocus -> AccessibleComponent.requestFocus
    print(f"grabFocus({args.composer_name!r}) -> {ok}")
    time.sleep(0.5)
    pyatspi.Registry.registerEventListener(on_event, "object:text-changed", "object:property-change",
                                           "object:state-changed:focused", "object:children-changed",
                                           "object:visible-data-changed", "object:text-caret-moved",
                                           "object:announcement")
    seq = {"i": 0}

    def go():
        if seq["i"] == 0:
            injector.type(args.text)
        elif seq["i"] == 1:
            injector.key("Return")
        else:
            pyatspi.Registry.stop()
            return False
        seq["i"] += 1
        GLib.timeout_add(args.wait_ms, go)
        return False

    GLib.timeout_add(200, go)
    pyatspi.Registry.start()
    seen_insert_history = False
    for e in events:
        if e[0].startswith("object:text-caret-moved"):
            continue
        print("EVENT", e)
        if e[0].startswith("object:text-changed:insert") and e[2] == args.history_name:
            seen_insert_history = True
    hist = find_by_name(app, args.history_name, "text")
    if hist is not None:
        print("history text now:", repr(text_of(hist, 400)))
    print("text-changed:insert on history seen:", seen_insert_history)
    return 0 if seen_insert_history else 1


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--app", default="Chat")
    ap.add_argument("--inject", choices=["xdotool", "atspi"], default="xdotool")
    ap.add_argument("--json")
    sub = ap.add_subparsers(dest="cmd", required=True)
    sub.add_parser("dump")
    w = sub.add_parser("walk")
    w.add_argument("--max", type=int, default=20)
    w.add_argument("--key", default="Tab", help="key to repeat (xdotool key name, e.g. Tab, shift+Tab)")
    w.add_argument("--keys", help="explicit comma separated key sequence instead, e.g. Tab,Tab,Tab,Down,Down")
    w.add_argument("--settle-ms", type=int, default=400)
    s = sub.add_parser("send")
    s.add_argument("text")
    s.add_argument("--composer-name", default="Message:")
    s.add_argument("--history-name", default="Message history")
    s.add_argument("--wait-ms", type=int, default=1500, help="time to record events after typing / after Enter")
    args = ap.parse_args()
    app = find_app(args.app)
    print(f"# app on AT-SPI bus: name={app.name!r} toolkit={getattr(app, 'toolkitName', '?')} "
          f"version={getattr(app, 'toolkitVersion', '?')} children={app.childCount}")
    rc = {"dump": cmd_dump, "walk": cmd_walk, "send": cmd_send}[args.cmd](args, app)
    sys.exit(rc)


if __name__ == "__main__":
    main()
