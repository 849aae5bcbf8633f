use serde::{Deserialize, Deserializer};

/// Tells "absent" (`None`) from "null" (`Some(None)`) in partial updates.
pub fn double_option<'de, T, D>(de: D) -> Result<Option<Option<T>>, D::Error>
where
    T: Deserialize<'de>,
    D: Deserializer<'de>,
{
    Option::<T>::deserialize(de).map(Some)
}
