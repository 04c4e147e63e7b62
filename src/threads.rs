//! Threads that work beside the command, on another core.
//!
//! A short command hands work to a thread of its own so that the two run at once: the
//! folder check stats the corpus's files while the command reads and diffs its
//! documents from the index, and the reader's patterns are compiled while the command
//! finds its texts. On Linux a new thread is placed on the core of the thread that
//! started it, and an idle core may not take it over for milliseconds: in 30 indexed
//! `diff 47/23 53/29` among 655 texts, the folder check began in 12 only once the
//! command had finished its diff (3.4–4.5 ms after it was made) or not before the
//! command ended, the other core idle, and the command then made the stats itself. A
//! thread started here is therefore kept off the starting thread's core: the command
//! moves it as soon as it is made, and the thread moves itself where it ran first.
//! Where the process may use one core only, or the system does not say which core runs
//! the thread, the thread is started as any other.

use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::Arc;
use std::thread::JoinHandle;

/// Where a thread started beside the command stands: moved by the command, begun, or
/// neither yet. Whichever of the two comes second lets the thread run on every core again.
const MOVED: u8 = 1;
const BEGUN: u8 = 2;

/// `work` on a thread named `name`, started off the calling thread's core where the
/// process may use another. Once begun elsewhere, the thread may run on every core again:
/// where the command later waits for it (for a pattern it is compiling, say) and another
/// process holds the thread's core, the system can then run it on the command's.
/// `None` where no thread could be started (the caller then does the work itself).
pub fn spawn_beside<F>(name: &str, work: F) -> Option<JoinHandle<()>>
where
    F: FnOnce() + Send + 'static,
{
    let builder = std::thread::Builder::new().name(name.to_string());
    let cores = core::current().and_then(|core| {
        let all = core::Cores::of_this_thread()?;
        Some((core, all, all.without(core)?))
    });
    let Some((core, all, others)) = cores else {
        // One core, or no saying which: started as any other thread.
        return builder.spawn(work).ok();
    };
    let stage = Arc::new(AtomicU8::new(0));
    let theirs = Arc::clone(&stage);
    let handle = builder
        .spawn(move || {
            // Run before the command could move it, on the command's core: move on.
            if core::current() == Some(core) {
                others.apply(None);
            }
            if theirs.swap(BEGUN, Ordering::AcqRel) == MOVED {
                all.apply(None);
            }
            work()
        })
        .ok()?;
    others.apply(Some(&handle));
    if stage.swap(MOVED, Ordering::AcqRel) == BEGUN {
        all.apply(Some(&handle));
    }
    Some(handle)
}

#[cfg(target_os = "linux")]
mod core {
    use std::mem::size_of;
    use std::os::unix::thread::JoinHandleExt;
    use std::thread::JoinHandle;

    /// The core the calling thread runs on now.
    pub fn current() -> Option<usize> {
        // SAFETY: sched_getcpu takes nothing and only reads the calling thread's state.
        usize::try_from(unsafe { libc::sched_getcpu() }).ok()
    }

    /// A set of cores a thread may run on.
    #[derive(Clone, Copy)]
    pub struct Cores(libc::cpu_set_t);

    impl Cores {
        /// The cores the calling thread may run on.
        pub fn of_this_thread() -> Option<Cores> {
            // SAFETY: `set` is a plain bit set, zeroed and then filled in by the system.
            unsafe {
                let mut set: libc::cpu_set_t = std::mem::zeroed();
                (libc::sched_getaffinity(0, size_of::<libc::cpu_set_t>(), &mut set) == 0).then_some(Cores(set))
            }
        }

        /// These cores but `core`; `None` if no other is left.
        pub fn without(self, core: usize) -> Option<Cores> {
            let mut set = self;
            if core < libc::CPU_SETSIZE as usize {
                // SAFETY: `core` is below the set's size (checked above).
                unsafe { libc::CPU_CLR(core, &mut set.0) };
            }
            (set.count() > 0).then_some(set)
        }

        /// Let the thread of `handle` (the calling thread for `None`) run on these cores
        /// only: one waiting for a core, or running on a core not among them, is moved at
        /// once; a running one stays where it runs if it may.
        pub fn apply(&self, handle: Option<&JoinHandle<()>>) {
            // SAFETY: the calls only read the set and the thread handle, which outlive them.
            unsafe {
                match handle {
                    Some(handle) => {
                        libc::pthread_setaffinity_np(handle.as_pthread_t(), size_of::<libc::cpu_set_t>(), &self.0);
                    }
                    None => {
                        libc::sched_setaffinity(0, size_of::<libc::cpu_set_t>(), &self.0);
                    }
                }
            }
        }

        /// How many cores these are.
        pub fn count(&self) -> i32 {
            // SAFETY: counting only reads the set.
            unsafe { libc::CPU_COUNT(&self.0) }
        }
    }
}

#[cfg(not(target_os = "linux"))]
mod core {
    use std::thread::JoinHandle;

    pub fn current() -> Option<usize> {
        None
    }

    #[derive(Clone, Copy)]
    pub struct Cores;

    impl Cores {
        pub fn of_this_thread() -> Option<Cores> {
            None
        }

        pub fn without(self, _: usize) -> Option<Cores> {
            None
        }

        pub fn apply(&self, _: Option<&JoinHandle<()>>) {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_work_is_done_on_a_thread_of_its_name() {
        let (sender, receiver) = std::sync::mpsc::channel();
        let handle = spawn_beside("beside", move || {
            sender.send(std::thread::current().name().map(str::to_string)).unwrap();
        })
        .expect("a thread can be started");
        assert_eq!(receiver.recv().unwrap().as_deref(), Some("beside"));
        handle.join().unwrap();
    }

    #[cfg(target_os = "linux")]
    fn cores() -> i32 {
        core::Cores::of_this_thread().expect("Linux says which cores a thread may use").count()
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_thread_kept_off_a_core_may_not_run_there_until_allowed_again() {
        let all = core::Cores::of_this_thread().unwrap();
        let here = core::current().unwrap();
        let Some(others) = all.without(here) else {
            // One core: nothing to keep a thread off.
            assert_eq!(all.count(), 1);
            return;
        };
        let (sender, receiver) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            others.apply(None);
            let kept_off = (cores(), core::current());
            all.apply(None);
            sender.send((kept_off, cores())).unwrap();
        })
        .join()
        .unwrap();
        let ((kept_off, ran_on), allowed_again) = receiver.recv().unwrap();
        assert_eq!(kept_off, all.count() - 1);
        assert_ne!(ran_on, Some(here), "a thread kept off core {here} ran there");
        assert_eq!(allowed_again, all.count());
        assert_eq!(cores(), all.count(), "the starting thread keeps all its cores");
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_thread_started_beside_may_run_on_every_core_once_begun() {
        let (begun, go, cores_then) = (std::sync::mpsc::channel(), std::sync::mpsc::channel::<()>(), std::sync::mpsc::channel());
        let (begun_sender, go_receiver, cores_sender) = (begun.0, go.1, cores_then.0);
        let handle = spawn_beside("beside", move || {
            begun_sender.send(()).unwrap();
            go_receiver.recv().unwrap();
            cores_sender.send(cores()).unwrap();
        })
        .unwrap();
        // The thread has begun and `spawn_beside` has returned: whichever of the two came
        // second has allowed every core again.
        begun.1.recv().unwrap();
        go.0.send(()).unwrap();
        assert_eq!(cores_then.1.recv().unwrap(), cores());
        handle.join().unwrap();
    }
}
