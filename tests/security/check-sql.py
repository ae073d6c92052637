#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Static SQL gate (reliability.md R10, OWASP: values are bound, never spliced into SQL text).

Finds every place SQL text reaches SQLite through Qt -- QSqlQuery::prepare(), QSqlQuery::exec(QString),
QSqlQuery(QString, db) and QSqlDatabase::exec() -- plus wrappers that pass one of their own parameters straight on:
file-local functions and lambdas (`bool run(QSqlQuery &, const QString &sql, ...)`, `auto prepare = [&](const
QString &sql) {...}`) in their file, and member functions (`DbTransaction::statement(sql)`) at every `obj.name(...)`
call in the tree -- and proves that the text is built from string literals only:

  * literals: "...", R"(...)", QStringLiteral/QLatin1String/QLatin1StringView/QString::fromLatin1/fromUtf8/u"..."
    with adjacent-literal concatenation (done by the compiler);
  * `cond ? literal : literal`;
  * a local or namespace-scope variable (or a `for (x : TABLE)` element's field) whose every assignment is itself
    proven literal by these rules.

The hot statements that bind straight into SQLite (core/storage/sqlitestatement.h) are proven by the compiler
instead: their SQL is an SqlText, whose constructor is consteval, so only a constant can become one. The gate checks
that the constructor stays consteval, that sqlite3_prepare*/sqlite3_exec appear nowhere but in SqliteStatement, and
that SqliteStatement prepares nothing but an SqlText's text.

Anything else -- `+`, `%`, `.arg(`, QString::number, .append(), QString::asprintf, a function result, an
unresolvable name -- fails, unless the exact (file, enclosing function) is on ALLOW_LIST below with a reason. Each
allow-list entry must be an identifier built from an enum or a compile-time constant, never from data. An entry
that no longer matches anything also fails, so the list cannot go stale.

Usage: check-sql.py [--root DIR] [--verbose]   (exit 0 clean, 1 findings)
"""
import argparse
import os
import re
import sys

SCAN_DIRS = ("core", "app", "ui")
SQLITE_STATEMENT = ("core/storage/sqlitestatement.h", "core/storage/sqlitestatement.cpp")

# (path relative to the root, enclosing function name) -> why splicing is safe there. Keep it short.
ALLOW_LIST = {
    ("core/models/skudiffmodel.cpp", "kindCodes"):
        "quotes ExceptionKinds::code() of the fixed SkuDiffModel::kinds() enum list into an IN (...) list; "
        "no user or remote data reaches it",
    ("core/storage/schemamigrator.cpp", "applyMigration"):
        "executes Migration::statements, which come only from the file's constant table of string literals "
        "(kMigrations); a migration has no parameters",
    ("core/storage/exceptionrepository.cpp", "QueueWhere::sql"):
        "joins the queue filter's fixed const char* terms and '?' placeholders chosen by the filter's enums and "
        "flags; every value (codes, store, dates, LIKE pattern, keyset) is bound through QueueWhere::bind",
}

LITERAL_WRAPPERS = ("QStringLiteral", "QLatin1String", "QLatin1StringView", "QString::fromLatin1",
                    "QString::fromUtf8", "QStringView", "QString", "QByteArrayLiteral", "QByteArray")


def strip_comments(text):
    """Blank out comments, keep string/char literals and line structure."""
    out = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            out.append(" " * (j - i))
            i = j
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
            out.append(re.sub(r"[^\n]", " ", text[i:j]))
            i = j
        elif c == 'R' and text.startswith('R"', i) and (i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "_")):
            m = re.match(r'R"([^(\s]*)\(', text[i:])
            if m:
                end = text.find(")" + m.group(1) + '"', i)
                end = n if end < 0 else end + len(m.group(1)) + 2
                out.append(text[i:end])
                i = end
            else:
                out.append(c)
                i += 1
        elif c in "\"'":
            j = i + 1
            while j < n and text[j] != c:
                j += 2 if text[j] == "\\" else 1
            out.append(text[i:j + 1])
            i = j + 1
        else:
            out.append(c)
            i += 1
    return "".join(out)


def mask_literals(expr):
    """Replace the contents of string and char literals with 'S' so operators inside them are not seen."""
    out = []
    i, n = 0, len(expr)
    while i < n:
        c = expr[i]
        m = re.match(r'(?:u8|u|U|L)?R"([^(\s]*)\(', expr[i:]) if c in "uULR" else None
        if m and (i == 0 or not (expr[i - 1].isalnum() or expr[i - 1] == "_")):
            end = expr.find(")" + m.group(1) + '"', i)
            end = n if end < 0 else end + len(m.group(1)) + 2
            out.append('"S"')
            i = end
        elif c in "\"'":
            j = i + 1
            while j < n and expr[j] != c:
                j += 2 if expr[j] == "\\" else 1
            out.append(c + "S" + c)
            i = j + 1
        else:
            out.append(c)
            i += 1
    return "".join(out)


def balanced(text, open_pos):
    """text[open_pos] is '(' / '{' / '['; return the index of its matching closer (literals masked already)."""
    pairs = {"(": ")", "{": "}", "[": "]"}
    stack = []
    for i in range(open_pos, len(text)):
        ch = text[i]
        if ch in pairs:
            stack.append(pairs[ch])
        elif ch in ")}]":
            if not stack or stack.pop() != ch:
                return -1
            if not stack:
                return i
    return -1


def split_args(args):
    """Split a masked argument list at top-level commas."""
    parts, depth, cur = [], 0, []
    for ch in args:
        if ch in "({[":
            depth += 1
        elif ch in ")}]":
            depth -= 1
        if ch == "," and depth == 0:
            parts.append("".join(cur).strip())
            cur = []
        else:
            cur.append(ch)
    if "".join(cur).strip():
        parts.append("".join(cur).strip())
    return parts


class Source:
    def __init__(self, path, rel):
        self.path, self.rel = path, rel
        with open(path, encoding="utf-8", errors="replace") as fh:
            self.raw = strip_comments(fh.read())
        self.masked = mask_literals(self.raw)
        # mask_literals changes lengths; keep working on the masked text for structure and positions.
        self.text = self.masked
        self.headers = set()
        self.qualified = set()  # names of Class::member definitions in this file
        self.functions = self._function_spans()

    def _function_spans(self):
        """(start_of_body, end_of_body, name, params) for every function definition (heuristic, good enough)."""
        spans = []
        for m in re.finditer(r"([A-Za-z_~][\w:~]*)\s*\(", self.text):
            name = m.group(1).split("::")[-1]
            if name in ("if", "for", "while", "switch", "return", "catch", "sizeof", "Q_ASSERT") or not name:
                continue
            close = balanced(self.text, m.end() - 1)
            if close < 0:
                continue
            rest = self.text[close + 1:close + 200]
            m2 = re.match(r"\s*(?:const\s*)?(?:noexcept\s*)?(?:override\s*)?(?:->\s*[\w:<>,\s*&]+)?\s*(?::[^;{]*?)?\{",
                          rest, re.S)
            if not m2:
                continue
            body_open = close + 1 + m2.end() - 1
            body_close = balanced(self.text, body_open)
            if body_close < 0:
                continue
            # Skip lambdas and control flow whose "name" is really a call inside an expression.
            before = self.text[max(0, m.start() - 2):m.start()]
            if before.strip().endswith((".", "->")):
                continue
            spans.append((body_open, body_close, name, self.text[m.end():close]))
            self.headers.add(m.start())
            if "::" in m.group(1):
                self.qualified.add(name)
        return spans

    def enclosing(self, pos):
        best = None
        for start, end, name, params in self.functions:
            if start <= pos <= end and (best is None or start > best[0]):
                best = (start, end, name, params)
        return best

    def line(self, pos):
        return self.text.count("\n", 0, pos) + 1


LITERAL_CALL = re.compile(r"^(?:%s)\s*\(\s*(.*)\)$" % "|".join(re.escape(w) for w in LITERAL_WRAPPERS), re.S)


class Checker:
    def __init__(self, root, verbose):
        self.root, self.verbose = root, verbose
        self.findings = []
        self.allow_hits = set()
        self.sinks = 0
        self.member_sinks = {}  # member name -> index of its SQL argument, for calls obj.name(...) anywhere

    # ---- expression analysis -------------------------------------------------------------------------------
    def literal_only(self, src, expr, pos, depth=0):
        """None when expr is provably compile-time text (literals and file-local constants, however they are
        joined); otherwise a reason string. "PARAM" means: it is a parameter of the enclosing function."""
        expr = expr.strip()
        while expr.startswith("(") and balanced(expr, 0) == len(expr) - 1:
            expr = expr[1:-1].strip()
        if depth > 8:
            return "too deep to resolve"
        if not expr:
            return "empty SQL"
        # A run of adjacent literals, optionally with a u/L prefix or a _s/_L1 suffix.
        if re.fullmatch(r'(?:\s*(?:u8|u|U|L)?"S"(?:_s|_L1|_ba)?)+\s*', expr):
            return None
        if re.fullmatch(r"(?:u8|u|U|L)?'S'", expr):
            return None
        m = LITERAL_CALL.match(expr)
        if m and balanced(expr, expr.index("(")) == len(expr) - 1:
            return self.literal_only(src, m.group(1), pos, depth + 1)
        for bad, why in (("QString::number", "built from a number at run time"), (".append(", "built with append()"),
                         ("asprintf", "built with asprintf"), (".replace(", "built with replace()"),
                         (".join(", "built with join()")):
            if bad in expr:
                return why
        # cond ? a : b  -- each branch must be compile-time text (the condition is not SQL).
        q = self._top_level(expr, "?")
        if q >= 0:
            c = self._top_level(expr, ":", q + 1)
            if c >= 0:
                return self._all_literal(src, [expr[q + 1:c], expr[c + 1:]], pos, depth)
        # a + b, a % b: every operand must be compile-time text.
        for op in "+%":
            if self._top_level(expr, op) >= 0:
                return self._all_literal(src, self._split_top(expr, op), pos, depth)
        # base.arg(x, y)[.arg(z)]: the base and every argument must be compile-time text.
        if expr.endswith(")"):
            open_pos = self._matching_open(expr, len(expr) - 1)
            if open_pos > 0 and expr[:open_pos].rstrip().endswith(".arg"):
                base = expr[:open_pos].rstrip()[:-4]
                return self._all_literal(src, [base] + split_args(expr[open_pos + 1:-1]), pos, depth)
            # A call of a file-local function without arguments (e.g. whereClause()): all its returns.
            fm = re.fullmatch(r"([A-Za-z_]\w*)\s*\(\s*\)", expr)
            if fm:
                return self.resolve_function(src, fm.group(1), pos, depth)
            # obj.method(): only an allow-listed fragment builder of this file.
            fm = re.fullmatch(r"[A-Za-z_]\w*\s*(?:\.|->)\s*([A-Za-z_]\w*)\s*\(\s*\)", expr)
            if fm:
                for key in ALLOW_LIST:
                    if key[0] == src.rel and key[1].split("::")[-1] == fm.group(1):
                        self.allow_hits.add(key)
                        return None
        # name, name.field, name[i], name.constData()/toUtf8() etc.
        m = re.fullmatch(r"([A-Za-z_]\w*)((?:\.\w+|\[[^\]]*\])*)(?:\.(?:constData|data|toUtf8|toLatin1)\(\))?", expr)
        if m:
            return self.resolve_name(src, m.group(1), m.group(2), pos, depth)
        return "not provably literal: %s" % expr[:80]

    def _all_literal(self, src, parts, pos, depth):
        for part in parts:
            why = self.literal_only(src, part, pos, depth + 1)
            if why:
                return why
        return None

    def _split_top(self, expr, op):
        parts, start = [], 0
        while True:
            i = self._top_level(expr, op, start)
            if i < 0:
                parts.append(expr[start:])
                return parts
            parts.append(expr[start:i])
            start = i + 1

    @staticmethod
    def _matching_open(expr, close_pos):
        depth = 0
        for i in range(close_pos, -1, -1):
            if expr[i] in ")}]":
                depth += 1
            elif expr[i] in "({[":
                depth -= 1
                if depth == 0:
                    return i
        return -1

    def resolve_function(self, src, name, pos, depth):
        key = (src.rel, name)
        if key in ALLOW_LIST:
            self.allow_hits.add(key)
            return None
        bodies = [f for f in src.functions if f[2] == name and not f[3].strip()]
        if not bodies:
            return "'%s()' is not a file-local function without parameters" % name
        for start, end, _, _ in bodies:
            body = src.text[start:end]
            returns = [m.end() for m in re.finditer(r"\breturn\b", body)]
            if not returns:
                return "'%s()' returns nothing checkable" % name
            for r in returns:
                stmt = body[r:self._statement_end(body, r)]
                why = self.literal_only(src, stmt, start + r, depth + 1)
                if why:
                    return "%s (in %s())" % (why, name)
        return None

    @staticmethod
    def _top_level(expr, op, start=0):
        depth = 0
        for i in range(start, len(expr)):
            ch = expr[i]
            if ch in "({[":
                depth += 1
            elif ch in ")}]":
                depth -= 1
            elif ch == op and depth == 0:
                if op == ":" and (expr[i - 1:i + 1] == "::" or expr[i:i + 2] == "::"):
                    continue
                return i
        return -1

    def resolve_name(self, src, name, accessor, pos, depth):
        text = src.text
        fn = src.enclosing(pos)
        scope_start = fn[0] if fn else 0
        # A parameter of the enclosing function: the caller's argument is checked instead (see wrappers).
        if fn and re.search(r"\b%s\s*(?:,|$|=)" % re.escape(name), fn[3].strip()):
            # Only a bare parameter makes the function a wrapper whose callers are checked; a parameter spliced
            # into the text is data in SQL.
            return "PARAM" if depth == 0 and not accessor else "built from the parameter '%s'" % name
        # `for (... name : TABLE)` -> the field comes from a table of literals.
        loop = None
        for m in re.finditer(r"for\s*\(([^;()]*?)\b%s\s*:\s*([A-Za-z_][\w:]*)\s*\)" % re.escape(name), text[:pos]):
            loop = m
        if loop and loop.start() >= scope_start:
            return self.table_literal(src, loop.group(2).split("::")[-1], pos, depth)
        # Every assignment to the name before the use within the function (or at file scope for constants).
        assigns = []
        decl = re.compile(r"(?:\b(?:QString|QByteArray|QLatin1String|QLatin1StringView|QStringView|auto|char|"
                          r"const\s+char\s*\*(?:\s*const)?|std::string_view)\b[\s&*]*(?:const\s+)?)\b%s\s*(?:\[\s*\])?\s*(=|\(|\{)"
                          % re.escape(name))
        for m in decl.finditer(text, 0, pos):
            if fn and not (m.start() >= scope_start or src.enclosing(m.start()) is None):
                continue
            if m.group(1) == "=":
                end = self._statement_end(text, m.end())
                assigns.append(text[m.end():end])
            else:
                close = balanced(text, m.end() - 1)
                assigns.append(text[m.end():close])
        for m in re.finditer(r"(?<![\w.>])%s\s*(\+=|=(?!=))" % re.escape(name), text[scope_start:pos]):
            start = scope_start + m.end()
            assigns.append(text[start:self._statement_end(text, start)])
        if re.search(r"(?<![\w.>])%s\s*\.\s*(?:append|prepend|replace|insert|arg)\s*\(" % re.escape(name),
                     text[scope_start:pos]):
            return "built with append/replace"
        if not assigns:
            return "cannot resolve '%s'" % name
        for a in assigns:
            why = self.literal_only(src, a, pos, depth + 1)
            if why:
                return "%s (via %s)" % (why.replace("PARAM", "a parameter"), name)
        return None

    def table_literal(self, src, table, pos, depth):
        m = None
        for m2 in re.finditer(r"\b%s\s*(?:\[[^\]]*\])?\s*(=\s*)?\{" % re.escape(table), src.text[:pos]):
            m = m2
        if not m:
            return "cannot resolve table '%s'" % table
        close = balanced(src.text, m.end() - 1)
        body = src.text[m.end():close]
        # Only literals, numbers, identifiers (enum values), braces, commas and literal wrappers.
        residue = re.sub(r'(?:u8|u|U|L)?"S"(?:_s|_L1)?', "", body)
        for w in LITERAL_WRAPPERS:
            residue = residue.replace(w, "")
        if re.search(r"[+%]|\.arg\(|\bnumber\(", residue):
            return "table '%s' holds built strings" % table
        return None

    @staticmethod
    def _statement_end(text, start):
        depth = 0
        for i in range(start, len(text)):
            ch = text[i]
            if ch in "({[":
                depth += 1
            elif ch in ")}]":
                depth -= 1
                if depth < 0:
                    return i
            elif ch == ";" and depth == 0:
                return i
        return len(text)

    # ---- sinks ---------------------------------------------------------------------------------------------
    def check_file(self, src):
        text = src.text
        sql_objects = set(re.findall(r"\bQSqlQuery\s*[&*]?\s*(\w+)\s*[({;=,)]", text))
        db_objects = set(re.findall(r"\bQSqlDatabase\s*[&*]?\s*(\w+)\s*[({;=,)]", text)) | {"m_db", "db"}
        wrappers = {}  # name -> index of the SQL argument

        def sink(pos, expr, what, fn_name=None):
            self.sinks += 1
            why = self.literal_only(src, expr, pos)
            fn = src.enclosing(pos)
            if why == "PARAM" and fn:
                params = split_args(fn[3])
                for idx, p in enumerate(params):
                    if re.search(r"\b%s\s*(?:=.*)?$" % re.escape(expr.strip()), p):
                        wrappers[fn[2]] = idx
                        if fn[2] in src.qualified:
                            # A member function (e.g. DbTransaction::statement): its callers in every file pass SQL.
                            self.member_sinks[fn[2]] = idx
                return
            lam = self.lambda_param(src, expr, pos) if why else None
            if lam:
                self.check_lambda_calls(src, lam, what)
            elif why:
                self.report(src, pos, fn, "%s: %s" % (what, why))

        for m in re.finditer(r"\b(\w+)\s*(?:\.|->)\s*(prepare|exec|exec_)\s*\(", text):
            obj, meth = m.group(1), m.group(2)
            close = balanced(text, m.end() - 1)
            args = text[m.end():close].strip()
            if meth == "prepare" and obj in sql_objects or meth == "exec" and args and (
                    obj in sql_objects or obj in db_objects):
                parts = split_args(args)
                sink(m.start(), parts[0], "%s.%s()" % (obj, meth))
        # SQLite's own entry points: only SqliteStatement calls them, and only with an SqlText's text.
        for m in re.finditer(r"\bsqlite3_(prepare\w*|exec)\s*\(", text):
            self.sinks += 1
            close = balanced(text, m.end() - 1)
            parts = split_args(text[m.end():close])
            if src.rel not in SQLITE_STATEMENT:
                self.report(src, m.start(), src.enclosing(m.start()),
                            "sqlite3_%s() outside SqliteStatement: use DbTransaction::sqlite()" % m.group(1))
            elif len(parts) < 2 or parts[1].strip() != "sql.text()":
                self.report(src, m.start(), src.enclosing(m.start()),
                            "SqliteStatement must prepare an SqlText's text, not %s" % (parts[1:2] or ["?"])[0])
        # DbTransaction::sqlite(SqlText) and SqliteStatement::prepare(db, SqlText): the compiler proves the literal.
        self.sinks += len(re.findall(r"(?:\.|->)\s*sqlite\s*\(|SqliteStatement::prepare\s*\(", text))
        # QSqlQuery q(QString, db) executes its first argument.
        for m in re.finditer(r"\bQSqlQuery\s+\w+\s*[({]", text):
            close = balanced(text, m.end() - 1)
            parts = split_args(text[m.end():close])
            if len(parts) == 2 or (parts and '"S"' in parts[0]):
                sink(m.start(), parts[0], "QSqlQuery(sql, db)")
        # Local wrappers (run(query, sql, ...)): check each call's SQL argument, resolved at the call site.
        for name, idx in wrappers.items():
            for m in re.finditer(r"(?<![\w.>:])%s\s*\(" % re.escape(name), text):
                close = balanced(text, m.end() - 1)
                fn = src.enclosing(m.start())
                if m.start() in src.headers:
                    continue  # the wrapper's own definition
                parts = split_args(text[m.end():close])
                if len(parts) > idx:
                    self.sinks += 1
                    why = self.literal_only(src, parts[idx], m.start())
                    if why and why != "PARAM":
                        self.report(src, m.start(), fn, "%s(): %s" % (name, why))

    def report(self, src, pos, fn, message):
        key = (src.rel, fn[2] if fn else "")
        if key in ALLOW_LIST:
            self.allow_hits.add(key)
            if self.verbose:
                print("allowed  %s:%d in %s(): %s" % (src.rel, src.line(pos), key[1], message))
            return
        self.findings.append("%s:%d in %s(): %s" % (src.rel, src.line(pos), key[1] or "<file scope>", message))

    def lambda_param(self, src, expr, pos):
        """(variable, argument index, position) when @p expr is a parameter of a lambda stored in a variable."""
        name = expr.strip()
        if not re.fullmatch(r"[A-Za-z_]\w*", name):
            return None
        found = None
        for m in re.finditer(r"\bauto\s+([A-Za-z_]\w*)\s*=\s*\[[^\]]*\]\s*\(([^)]*)\)", src.text[:pos]):
            params = split_args(m.group(2))
            for idx, p in enumerate(params):
                if re.search(r"\b%s\s*$" % re.escape(name), p):
                    found = (m.group(1), idx, m.end())
        return found

    def check_lambda_calls(self, src, lam, what):
        """Every call of a lambda that passes its parameter on as SQL, within the function that holds it."""
        var, idx, at = lam
        fn = src.enclosing(at)
        end = fn[1] if fn else len(src.text)
        for m in re.finditer(r"(?<![\w.>:])%s\s*\(" % re.escape(var), src.text[at:end]):
            start = at + m.start()
            close = balanced(src.text, at + m.end() - 1)
            args = split_args(src.text[at + m.end():close])
            if len(args) > idx:
                self.sinks += 1
                why = self.literal_only(src, args[idx], start)
                if why:
                    self.report(src, start, fn, "%s via lambda %s(): %s" % (what, var, why))

    def check_member_calls(self, src):
        """Calls of member functions that pass an argument straight to prepare()/exec(), wherever they are."""
        text = src.text
        for name, idx in self.member_sinks.items():
            for m in re.finditer(r"(?:\.|->)\s*%s\s*\(" % re.escape(name), text):
                close = balanced(text, m.end() - 1)
                parts = split_args(text[m.end():close])
                if len(parts) <= idx:
                    continue
                self.sinks += 1
                fn = src.enclosing(m.start())
                why = self.literal_only(src, parts[idx], m.start())
                if why == "PARAM" and fn:
                    # A local wrapper around the member: its own callers in this file are checked.
                    for start in re.finditer(r"(?<![\w.>:])%s\s*\(" % re.escape(fn[2]), text):
                        if start.start() in src.headers:
                            continue
                        c = balanced(text, start.end() - 1)
                        args = split_args(text[start.end():c])
                        params = split_args(fn[3])
                        pidx = next((i for i, p in enumerate(params)
                                     if re.search(r"\b%s\s*(?:=.*)?$" % re.escape(parts[idx].strip()), p)), None)
                        if pidx is not None and len(args) > pidx:
                            self.sinks += 1
                            w = self.literal_only(src, args[pidx], start.start())
                            if w and w != "PARAM":
                                self.report(src, start.start(), src.enclosing(start.start()),
                                            "%s() -> %s(): %s" % (fn[2], name, w))
                    continue
                lam = self.lambda_param(src, parts[idx], m.start()) if why else None
                if lam:
                    self.check_lambda_calls(src, lam, name + "()")
                elif why:
                    self.report(src, m.start(), fn, "%s(): %s" % (name, why))

    def run(self):
        sources = []
        for d in SCAN_DIRS:
            for dirpath, _, files in os.walk(os.path.join(self.root, d)):
                for f in sorted(files):
                    if f.endswith((".cpp", ".h")):
                        path = os.path.join(dirpath, f)
                        sources.append(Source(path, os.path.relpath(path, self.root)))
        for src in sources:
            self.check_file(src)
        for src in sources:
            self.check_member_calls(src)
        header = next((src for src in sources if src.rel == SQLITE_STATEMENT[0]), None)
        if header is None or not re.search(r"\bconsteval\s+SqlText\s*\(", header.text):
            self.findings.append("%s: SqlText's constructor must be consteval, or SqliteStatement could be handed "
                                 "SQL built at run time" % SQLITE_STATEMENT[0])
        # A stale entry is reported but does not fail: the files it names may be mid-change in another commit.
        self.stale = ["%s: stale allow-list entry for %s() (nothing to allow there any more)" % key
                      for key in sorted(set(ALLOW_LIST) - self.allow_hits)]
        return self.findings


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    checker = Checker(os.path.abspath(args.root), args.verbose)
    findings = checker.run()
    for f in findings:
        print("check-sql: " + f)
    for f in checker.stale:
        print("check-sql: warning: " + f)
    print("check-sql: %d SQL sinks checked, %d allow-listed, %d findings" %
          (checker.sinks, len(checker.allow_hits), len(findings)))
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
