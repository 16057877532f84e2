//! Regexes compiled once per process, whose match caches last one document.
//!
//! A `regex::Regex` keeps the caches its searches build (lazy DFA states, the backtracker's
//! visited set, capture slots) for as long as it lives, and they only grow. With the patterns
//! in `static`s, a long-lived worker carried about 2 MB of caches warmed by earlier documents
//! into each new one, so a batch's peak memory rose with its length (the `×20 / ×1` figure in the
//! README's Performance section).
//!
//! A [`Pattern`] compiles its regex once per process, on first use, and hands each thread a
//! clone: a clone shares the compiled program and starts with empty caches. [`Document`] drops
//! the thread's clones when a document ends, so each document's caches are its own. Rebuilding
//! them costs a little CPU per document (measured in the README).
//!
//! Each module declares its own patterns (`static NAME: Pattern`) beside the code that uses
//! them; nothing lists them all. Slots in the per-thread table are handed out as patterns are
//! first used, so the table needs no registry either.
//!
//! Never matches anything itself and never does I/O: it only decides when patterns are compiled
//! and how long their caches live.

use regex::Regex;
use std::any::Any;
use std::cell::RefCell;
use std::rc::Rc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{LazyLock, OnceLock};

/// A compiled pattern (a `Regex`, or a table of them) shared by all threads, and this thread's
/// clone of it for the current document.
pub struct Pattern<T: 'static = Regex> {
    compiled: LazyLock<T>,
    slot: OnceLock<usize>,
}

/// The next free slot in [`CLONES`]; one per `Pattern` in the process.
static NEXT_SLOT: AtomicUsize = AtomicUsize::new(0);

thread_local! {
    /// This thread's clones for the current document, by slot.
    static CLONES: RefCell<Vec<Option<Rc<dyn Any>>>> = const { RefCell::new(Vec::new()) };
}

impl<T: Clone + 'static> Pattern<T> {
    /// A pattern that `build` compiles on first use.
    pub const fn new(build: fn() -> T) -> Self {
        Pattern {
            compiled: LazyLock::new(build),
            slot: OnceLock::new(),
        }
    }

    /// This thread's clone for the current document, made on first use.
    pub fn get(&'static self) -> Rc<T> {
        let slot = *self
            .slot
            .get_or_init(|| NEXT_SLOT.fetch_add(1, Ordering::Relaxed));
        let clone = CLONES.with_borrow_mut(|clones| {
            if clones.len() <= slot {
                clones.resize_with(slot + 1, || None);
            }
            let made = clones[slot].get_or_insert_with(|| Rc::new(T::clone(&self.compiled)));
            Rc::clone(made)
        });
        // Invariant: a slot is taken by one `Pattern`, which only stores its own `T` there.
        clone
            .downcast::<T>()
            .expect("a pattern's slot holds its own type")
    }
}

/// The length of one document on this thread: dropping it drops the thread's clones, and with
/// them the caches the document's searches built. [`crate::process_with`] holds one.
pub struct Document(());

impl Document {
    /// A document begins on this thread.
    pub fn begin() -> Document {
        Document(())
    }
}

impl Drop for Document {
    fn drop(&mut self) {
        // Taken out first, so that nothing runs while the cell is borrowed.
        let clones = CLONES.with_borrow_mut(std::mem::take);
        drop(clones);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    static WORD: Pattern = Pattern::new(|| Regex::new(r"\w+").expect("literal"));
    static TABLE: Pattern<Vec<Regex>> = Pattern::new(|| {
        vec![
            Regex::new("a").expect("literal"),
            Regex::new("b").expect("literal"),
        ]
    });

    #[test]
    fn one_clone_per_document_and_thread() {
        let doc = Document::begin();
        let first = WORD.get();
        assert!(
            Rc::ptr_eq(&first, &WORD.get()),
            "the same clone within a document"
        );
        assert_eq!(first.find("  court ").map(|m| m.as_str()), Some("court"));
        assert_eq!(TABLE.get().len(), 2);
        drop(doc);
        let _doc = Document::begin();
        assert!(
            !Rc::ptr_eq(&first, &WORD.get()),
            "a fresh clone for the next document"
        );
        let other = std::thread::spawn(|| WORD.get().is_match("x")).join();
        assert_eq!(other.ok(), Some(true));
    }
}
