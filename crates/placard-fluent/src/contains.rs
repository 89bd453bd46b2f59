//! Whether every form of a pattern contains a string, without listing the forms.
//!
//! A pattern with a dozen independent selectors has thousands of forms, and one whose messages
//! each show the next twice has forms of exponential length: listing them cannot be how a safety
//! gate decides. "Contains the needle" is a regular property, so it is decided on the grammar:
//! the needle's matching automaton (KMP: the state is how much of the needle the text read so far
//! ends with) runs over every sub-pattern at once. Each sub-pattern becomes a relation: from
//! each state the automaton may be in before it, the states it may be in after it ("found" is
//! absorbing). Text maps each state to one; concatenation composes; a select unites the variants
//! its selector can pick; a reference reuses the relation of the referenced pattern (memoised by
//! the evaluator). Every form contains the needle exactly when, from the start state, no end
//! state is other than "found". The work is linear in the size of the grammar that is reachable,
//! times the needle's length.
//!
//! Each relation entry also keeps how it was reached, as a node of a shared graph, so that a
//! failing form can be written out: one concrete witness, capped at `form_bytes`, built without
//! expanding shared parts twice.
//!
//! Matching is that of `bidi::occurrences` in placard-lint: the isolation marks formatting
//! inserts are skipped, and the caller's `normalize` maps each character (and the needle's) first.

use std::ops::Range;
use std::rc::Rc;

use fluent_syntax::ast::Pattern;
use rustc_hash::FxHashMap;

use crate::eval::{Domain, Evaluator};
use crate::forms::{FSI, Form, Formatter, Limit, PDI};

/// What is known about one required string in every form of a pattern.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// Every form contains it.
    Proven,
    /// This form does not (a real form, its text cut at `form_bytes` when `clipped`).
    Missing { witness: Form, clipped: bool },
    /// No form that could be followed lacks it, but some could not be followed.
    Unproven(Limit),
}

/// A [`Verdict`] and the work it took.
#[derive(Clone, Debug)]
pub struct Proof {
    pub verdict: Verdict,
    /// Units of work (elements visited, automaton steps, relation entries built).
    pub work: u64,
}

impl<'a> Formatter<'_, 'a> {
    /// Whether every form of `pattern` contains `needle`, matching characters after `normalize`.
    pub fn contains(&self, pattern: &'a Pattern<&'a str>, needle: &str, normalize: fn(char) -> char) -> Proof {
        let automaton = Automaton::new(needle, normalize, self.limits.form_bytes);
        let mut evaluator = Evaluator::new(self, automaton);
        let verdict = match evaluator.root(pattern) {
            Err(limit) => Verdict::Unproven(limit),
            Ok(relation) => {
                let automaton = &mut evaluator.domain;
                let failing = relation.rows[0].iter().find(|&&(end, _)| end != automaton.found);
                match failing {
                    Some(&(_, node)) => {
                        let (witness, clipped) = automaton.write(node);
                        Verdict::Missing { witness, clipped }
                    }
                    None if evaluator.cut => Verdict::Unproven(Limit::ReferenceDepth),
                    None => Verdict::Proven,
                }
            }
        };
        Proof { verdict, work: evaluator.work() }
    }
}

type State = u32;
/// A node of the witness graph.
type Node = u32;
/// The witness of an entry ending in "found": never written out, so never built.
const NO_WITNESS: Node = Node::MAX;
/// The empty text.
const EMPTY: Node = 0;

/// How a relation entry was reached: the text of some form of the sub-pattern.
enum Piece {
    Empty,
    Text(Rc<str>),
    /// Between inserted FSI and PDI.
    Isolated(Node),
    Concat(Node, Node),
}

/// For each state before a sub-pattern (`rows[state]`, "found" excluded: it stays found), the
/// states after it, each with one way of getting there.
#[derive(Clone, Debug)]
pub(crate) struct Relation {
    rows: Vec<Vec<(State, Node)>>,
    identity: bool,
}

pub(crate) struct Automaton {
    /// The needle's characters, normalised, sorted and deduplicated: the automaton's alphabet.
    alphabet: Vec<char>,
    /// `next[state * alphabet.len() + letter]`; a character outside the alphabet leads to 0.
    next: Vec<State>,
    /// The "found" state: the needle's length (1 for an empty needle, which is found nowhere, as
    /// `bidi::occurrences` finds it nowhere).
    found: State,
    normalize: fn(char) -> char,
    pieces: Vec<Piece>,
    cap: usize,
    work: u64,
}

impl Automaton {
    fn new(needle: &str, normalize: fn(char) -> char, cap: usize) -> Self {
        let needle: Vec<char> = needle.chars().map(normalize).collect();
        let mut alphabet = needle.clone();
        alphabet.sort_unstable();
        alphabet.dedup();
        let letters = alphabet.len();
        let letter = |c: char| alphabet.binary_search(&c).expect("needle letters are in the alphabet");
        let m = needle.len();
        let mut next = vec![0; m * letters];
        if m > 0 {
            // The KMP automaton: `restart` is the state the text would be in had it started one
            // character later (the longest proper border of the needle's prefix read so far).
            next[letter(needle[0])] = 1;
            let mut restart = 0;
            for j in 1..m {
                for a in 0..letters {
                    next[j * letters + a] = next[restart * letters + a];
                }
                next[j * letters + letter(needle[j])] = (j + 1) as State;
                restart = next[restart * letters + letter(needle[j])] as usize;
            }
        }
        Automaton { found: m.max(1) as State, alphabet, next, normalize, pieces: vec![Piece::Empty], cap, work: 0 }
    }

    fn piece(&mut self, piece: Piece) -> Node {
        self.pieces.push(piece);
        (self.pieces.len() - 1) as Node
    }

    fn starts(&self) -> std::ops::Range<State> {
        0..self.found
    }

    fn concat_nodes(&mut self, a: Node, b: Node) -> Node {
        match (a, b) {
            (EMPTY, x) | (x, EMPTY) => x,
            _ => self.piece(Piece::Concat(a, b)),
        }
    }

    /// Writes the text of `node` out, stopping at `cap` bytes; `true` when it had to stop. Shared
    /// nodes are written once and copied after, so a witness of exponential length costs no more
    /// than the cap.
    fn write(&self, node: Node) -> (Form, bool) {
        enum Task {
            Enter(Node),
            Leave(Node, usize, usize),
            Mark(char),
        }
        let mut out = Form::default();
        let mut written: FxHashMap<Node, (Range<usize>, Range<usize>)> = FxHashMap::default();
        let mut tasks = vec![Task::Enter(node)];
        while let Some(task) = tasks.pop() {
            if out.text.len() > self.cap {
                break;
            }
            match task {
                Task::Mark(mark) => out.push_mark(mark),
                Task::Leave(node, text, inserted) => {
                    written.insert(node, (text..out.text.len(), inserted..out.inserted.len()));
                }
                Task::Enter(node) => {
                    if let Some((text, inserted)) = written.get(&node) {
                        let shift = out.text.len() - text.start;
                        out.text.extend_from_within(text.clone());
                        for i in inserted.clone() {
                            let r = out.inserted[i].clone();
                            out.inserted.push(r.start + shift..r.end + shift);
                        }
                        continue;
                    }
                    let leave = Task::Leave(node, out.text.len(), out.inserted.len());
                    match &self.pieces[node as usize] {
                        Piece::Empty => {}
                        Piece::Text(text) => out.text.push_str(text),
                        Piece::Isolated(inner) => {
                            tasks.extend([leave, Task::Mark(PDI), Task::Enter(*inner)]);
                            out.push_mark(FSI);
                        }
                        Piece::Concat(a, b) => tasks.extend([leave, Task::Enter(*b), Task::Enter(*a)]),
                    }
                }
            }
        }
        let clipped = out.text.len() > self.cap;
        if clipped {
            let mut end = self.cap;
            while !out.text.is_char_boundary(end) {
                end -= 1;
            }
            out.text.truncate(end);
            out.inserted.retain(|r| r.end <= end);
        }
        (out, clipped)
    }
}

impl Domain for Automaton {
    type Value = Rc<Relation>;

    fn empty(&mut self) -> Self::Value {
        Rc::new(Relation { rows: self.starts().map(|s| vec![(s, EMPTY)]).collect(), identity: true })
    }

    fn text(&mut self, text: &str) -> Result<Self::Value, Limit> {
        if text.is_empty() {
            return Ok(self.empty());
        }
        // Run from every start state at once; runs that meet stay together (the automaton is
        // deterministic), and any character outside the needle sends every run to state 0.
        let mut runs: Vec<(State, Vec<State>)> = self.starts().map(|s| (s, vec![s])).collect();
        let letters = self.alphabet.len();
        for c in text.chars() {
            self.work += runs.len() as u64;
            let letter = self.alphabet.binary_search(&(self.normalize)(c)).ok();
            for run in &mut runs {
                run.0 = match letter {
                    _ if run.0 == self.found => run.0,
                    Some(a) => self.next[run.0 as usize * letters + a],
                    None => 0,
                };
            }
            if runs.len() > 1 {
                runs.sort_unstable_by_key(|r| r.0);
                runs.dedup_by(|later, kept| {
                    let same = later.0 == kept.0;
                    if same {
                        kept.1.append(&mut later.1);
                    }
                    same
                });
            }
        }
        let node = self.piece(Piece::Text(Rc::from(text)));
        let mut rows = vec![Vec::new(); self.found as usize];
        for (end, starts) in runs {
            for s in starts {
                rows[s as usize].push((end, if end == self.found { NO_WITNESS } else { node }));
            }
        }
        Ok(Rc::new(Relation { rows, identity: false }))
    }

    fn concat(&mut self, left: Self::Value, right: &Self::Value) -> Result<Self::Value, Limit> {
        if left.identity {
            return Ok(right.clone());
        }
        if right.identity {
            return Ok(left);
        }
        let found = self.found;
        let mut seen = vec![false; found as usize + 1];
        let mut rows = Vec::with_capacity(found as usize);
        for row in &left.rows {
            let mut out = Vec::new();
            for &(middle, before) in row {
                if middle == found {
                    if !seen[found as usize] {
                        seen[found as usize] = true;
                        out.push((found, NO_WITNESS));
                    }
                    continue;
                }
                for &(end, after) in &right.rows[middle as usize] {
                    self.work += 1;
                    if seen[end as usize] {
                        continue;
                    }
                    seen[end as usize] = true;
                    let node = if end == found { NO_WITNESS } else { self.concat_nodes(before, after) };
                    out.push((end, node));
                }
            }
            for &(end, _) in &out {
                seen[end as usize] = false;
            }
            rows.push(out);
        }
        Ok(Rc::new(Relation { rows, identity: false }))
    }

    fn union(&mut self, choices: Vec<Self::Value>) -> Result<Self::Value, Limit> {
        if let [only] = choices.as_slice() {
            return Ok(only.clone());
        }
        let mut rows: Vec<Vec<(State, Node)>> = vec![Vec::new(); self.found as usize];
        for (s, row) in rows.iter_mut().enumerate() {
            for choice in &choices {
                for &(end, node) in &choice.rows[s] {
                    self.work += 1;
                    // The first variant that reaches a state gives its witness: source order.
                    if !row.iter().any(|&(e, _)| e == end) {
                        row.push((end, node));
                    }
                }
            }
        }
        Ok(Rc::new(Relation { rows, identity: false }))
    }

    fn isolate(&mut self, value: &Self::Value) -> Result<Self::Value, Limit> {
        // The inserted marks are skipped when matching: only the witnesses change.
        let mut wrapped: FxHashMap<Node, Node> = FxHashMap::default();
        let mut rows = Vec::with_capacity(value.rows.len());
        for row in &value.rows {
            let mut out = Vec::with_capacity(row.len());
            for &(end, node) in row {
                self.work += 1;
                let node = if node == NO_WITNESS {
                    NO_WITNESS
                } else {
                    *wrapped.entry(node).or_insert_with(|| {
                        self.pieces.push(Piece::Isolated(node));
                        (self.pieces.len() - 1) as Node
                    })
                };
                out.push((end, node));
            }
            rows.push(out);
        }
        Ok(Rc::new(Relation { rows, identity: false }))
    }

    fn too_deep(&mut self) -> Result<Self::Value, Limit> {
        // Nothing is known of what lies past the limit: no form through it counts as a witness,
        // and the evaluator marks the proof as cut.
        Ok(Rc::new(Relation { rows: vec![Vec::new(); self.found as usize], identity: false }))
    }

    fn work(&self) -> u64 {
        self.work + self.pieces.len() as u64
    }
}
