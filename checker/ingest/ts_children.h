// The children of a tree-sitter node, each reached once. ts_node_child(n, i)
// walks from the first child every time (O(i)), so a loop over it is quadratic
// on a node with 10^5 children (a list of 10^5 items, an error-recovered run
// of unclosed HTML tags: minutes). A cursor steps from sibling to sibling.
#pragma once

#include <tree_sitter/api.h>

#include <vector>

namespace plancheck::ingest {

inline std::vector<TSNode> ts_children(TSNode n) {
    std::vector<TSNode> out;
    TSTreeCursor c = ts_tree_cursor_new(n);
    if (ts_tree_cursor_goto_first_child(&c)) {
        do
            out.push_back(ts_tree_cursor_current_node(&c));
        while (ts_tree_cursor_goto_next_sibling(&c));
    }
    ts_tree_cursor_delete(&c);
    return out;
}

}  // namespace plancheck::ingest
