//! placeholder: see the module owner
