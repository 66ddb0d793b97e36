#!/usr/bin/env python3
"""Dump python3's ast.parse() of Python files as JSON in pyvm's node shape.

Usage: compiler-ast-json.py FILE...   -> one JSON document per line on stdout:
   {"file": FILE, "ast": <Module>}  or  {"file": FILE, "error": "..."}

Nodes are objects {"_type": name, <fields>, <attributes>}. Constant values (Constant.value,
MatchSingleton.value) are encoded so the TypeScript loader can rebuild LiteralValues:
  str -> JSON string; bool -> true/false; None -> null;
  int -> {"int": "decimal"}; float -> {"float": repr}; complex -> {"complex": [real repr, imag repr]};
  bytes -> {"bytes": hex}; Ellipsis -> {"ellipsis": true}.
"""
import ast
import json
import sys


def enc_const(v):
    if v is None or isinstance(v, (bool, str)):
        return v
    if isinstance(v, int):
        return {"int": str(v)}
    if isinstance(v, float):
        return {"float": repr(v)}
    if isinstance(v, complex):
        return {"complex": [repr(v.real), repr(v.imag)]}
    if isinstance(v, bytes):
        return {"bytes": v.hex()}
    if v is Ellipsis:
        return {"ellipsis": True}
    raise TypeError(type(v))


def enc(node):
    if isinstance(node, list):
        return [enc(x) for x in node]
    if not isinstance(node, ast.AST):
        return node
    out = {"_type": type(node).__name__}
    for f in node._fields:
        v = getattr(node, f, None)
        if f == "value" and isinstance(node, (ast.Constant, ast.MatchSingleton)):
            out[f] = enc_const(v)
        else:
            out[f] = enc(v)
    for a in node._attributes:
        out[a] = getattr(node, a, None)
    return out


def main():
    for path in sys.argv[1:]:
        try:
            with open(path, "rb") as fh:
                src = fh.read()
            tree = ast.parse(src, path)
            doc = {"file": path, "ast": enc(tree)}
        except (SyntaxError, ValueError) as e:
            doc = {"file": path, "error": repr(e)}
        sys.stdout.write(json.dumps(doc, ensure_ascii=True) + "\n")


if __name__ == "__main__":
    main()
