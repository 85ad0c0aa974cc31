import { forwardRef, type SelectHTMLAttributes } from 'react';

/** A native <select> styled like the theme's text fields (Radix's Select injects inline styles). */
export const NativeSelect = forwardRef<HTMLSelectElement, SelectHTMLAttributes<HTMLSelectElement>>(
  function NativeSelect({ className, ...props }, ref) {
    return (
      <select ref={ref} className={className ? `native-select ${className}` : 'native-select'} {...props} />
    );
  },
);
