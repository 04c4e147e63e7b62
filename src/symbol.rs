//! UN symbols.
